"""Preferences: language, display time zone, store-side chat names, masking, default platform
and profile, notifications, the timestamp server, library location."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from evidencekit.errors import EvidenceKitError
from evidencekit.library_settings import checked, set_library_setting
from evidencekit.staff import MAX_STAFF_NAME, check_staff_name

from .i18n import LANGUAGES, lang, pick
from .ops import OpChanges, run_op

ZONES = ("Asia/Shanghai", "local", "UTC", "Asia/Hong_Kong", "Asia/Singapore", "Europe/London",
         "America/Los_Angeles", "America/New_York")


class SettingsDialog(QDialog):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        s = ctx.settings
        self.setWindowTitle(self.tr("Settings"))
        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(s.get("language"))))
        self.staff = QLineEdit(s.get("staff_name"))
        self.staff.setObjectName("staffName")
        self.staff.setPlaceholderText(ctx.staff)
        self.staff.setMaxLength(MAX_STAFF_NAME)
        self.zone = QComboBox()
        self.zone.setEditable(True)
        for z in ZONES:
            self.zone.addItem(self.tr("This computer's zone") if z == "local" else z, z)
        i = self.zone.findData(s.get("display_zone"))
        if i < 0:
            self.zone.addItem(s.get("display_zone"), s.get("display_zone"))
            i = self.zone.count() - 1
        self.zone.setCurrentIndex(i)
        names = ctx.lib.setting("store_names", []) or []
        self.store_names = QLineEdit("、".join(names) if lang() == "zh" else ", ".join(names))
        self.store_names.setPlaceholderText(self.tr("e.g. 小美家居旗舰店, 客服小王"))
        self.masking = QCheckBox(self.tr("Mask buyer phone numbers and names in bundles"))
        self.masking.setChecked(s.get("masking"))
        self.platform = QComboBox()
        for p in ctx.lib.rules.platforms.values():
            self.platform.addItem(p.name(lang()), p.id)
        self.platform.setCurrentIndex(max(0, self.platform.findData(s.get("default_platform"))))
        self.profile = QComboBox()
        try:
            from evidencekit.export import load_profiles
            for name, p in load_profiles(ctx.lib.profiles_dir).items():
                self.profile.addItem(pick(p.title_zh, p.title_en), name)
        except Exception:  # noqa: BLE001 - keep the dialog usable with a broken profile
            self.profile.addItem(s.get("default_profile"), s.get("default_profile"))
        self.profile.setCurrentIndex(max(0, self.profile.findData(s.get("default_profile"))))
        self.notifications = QCheckBox(self.tr("Notify me when a case becomes due soon or critical"))
        self.notifications.setChecked(s.get("notifications"))
        # A library setting (evidencekit.library_settings): exported bundles are timestamped.
        self.timestamp_url = QLineEdit(ctx.lib.setting("timestamp_url", "") or "")
        self.timestamp_url.setPlaceholderText(self.tr("e.g. http://timestamp.example.com/tsr (empty: none)"))
        self.library = QLineEdit(s.get("library_path") or str(ctx.lib.root))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._on_browse_clicked)
        lib_row = QHBoxLayout()
        lib_row.addWidget(self.library, 1)
        lib_row.addWidget(browse)

        form = QFormLayout()
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("My name (staff)"), self.staff)
        form.addRow(self.tr("Display time zone"), self.zone)
        form.addRow(self.tr("Store-side chat names"), self.store_names)
        form.addRow("", self.masking)
        form.addRow(self.tr("Default platform"), self.platform)
        form.addRow(self.tr("Default export profile"), self.profile)
        form.addRow("", self.notifications)
        form.addRow(self.tr("Timestamp server (RFC 3161)"), self.timestamp_url)
        form.addRow(self.tr("Library folder"), lib_row)
        note = QLabel(self.tr("A new library folder is used after restarting the app."))
        note.setWordWrap(True)
        note.setStyleSheet("color: palette(mid);")
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(note)
        lay.addWidget(buttons)
        self.resize(620, self.sizeHint().height())

    def _on_browse_clicked(self) -> None:
        d = QFileDialog.getExistingDirectory(self, self.tr("Library folder"), self.library.text())
        if d:
            self.library.setText(d)

    def accept(self) -> None:
        try:  # a bad address is said now and the dialog stays open
            checked("timestamp_url", self.timestamp_url.text())
        except EvidenceKitError as e:
            self.ctx.presenter.show(e, self)
            self.timestamp_url.setFocus()
            return
        self.apply()
        super().accept()

    def apply(self) -> None:
        """Save everything; switch the language at once if it changed."""
        s, ctx = self.ctx.settings, self.ctx
        old_lang = s.get("language")
        zone = self.zone.currentData() if self.zone.currentText() == self.zone.itemText(
            self.zone.currentIndex()) else self.zone.currentText().strip()
        s.set("display_zone", zone or "Asia/Shanghai")
        s.set("masking", self.masking.isChecked())
        s.set("default_platform", self.platform.currentData())
        if self.profile.currentData():
            s.set("default_profile", self.profile.currentData())
        s.set("notifications", self.notifications.isChecked())
        staff = self.staff.text().strip()
        try:
            ctx.set_staff(check_staff_name(staff) if staff else "")
        except EvidenceKitError as e:  # control characters pasted in: keep the old name
            ctx.presenter.show(e, self)
        lib_path = self.library.text().strip()
        s.set("library_path", "" if lib_path == str(ctx.lib.root) else lib_path)
        import re
        names = [n.strip() for n in re.split(r"[,，、;；\n]", self.store_names.text()) if n.strip()]
        if names != (ctx.lib.setting("store_names", []) or []):
            # A library setting: chat roles are read again with it (no case row changes).
            run_op(ctx, "store names", lambda lib: (lib.set_setting("store_names", names),
                                                    OpChanges())[1])
        url = checked("timestamp_url", self.timestamp_url.text())
        if url != (ctx.lib.setting("timestamp_url", "") or ""):
            run_op(ctx, "timestamp server", lambda lib: (
                set_library_setting(lib, "timestamp_url", url), OpChanges())[1])
        s.set("language", self.language.currentData())
        s.sync()
        ctx.settings_changed.emit()
        if self.language.currentData() != old_lang:
            ctx.set_language(self.language.currentData())
