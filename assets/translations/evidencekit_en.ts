<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AppealPointsModel</name>
    <message>
        <location filename="../../ui/models/points_model.py" line="16"/>
        <source>Judgment basis</source>
        <translation>Judgment basis</translation>
    </message>
    <message>
        <location filename="../../ui/models/points_model.py" line="17"/>
        <source>Fact</source>
        <translation>Fact</translation>
    </message>
    <message>
        <location filename="../../ui/models/points_model.py" line="18"/>
        <source>Exhibits</source>
        <translation>Exhibits</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <location filename="../../ui/assign_dialog.py" line="21"/>
        <source>Assign case</source>
        <translation>Assign case</translation>
    </message>
    <message>
        <location filename="../../ui/assign_dialog.py" line="26"/>
        <source>(nobody)</source>
        <translation>(nobody)</translation>
    </message>
    <message>
        <location filename="../../ui/assign_dialog.py" line="39"/>
        <source>Case</source>
        <translation>Case</translation>
    </message>
    <message>
        <location filename="../../ui/assign_dialog.py" line="40"/>
        <source>Assignee</source>
        <translation>Assignee</translation>
    </message>
</context>
<context>
    <name>BundlePreviewDialog</name>
    <message>
        <location filename="../../ui/export_dialog.py" line="86"/>
        <source>Bundle preview — %1</source>
        <translation>Bundle preview — %1</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="88"/>
        <source>%1 pages · %2 MB</source>
        <translation>%1 pages · %2 MB</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="90"/>
        <source>Open folder</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="91"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>CaseEdits</name>
    <message>
        <location filename="../../ui/case_edits.py" line="80"/>
        <source>Case changed</source>
        <translation>Case changed</translation>
    </message>
    <message>
        <location filename="../../ui/case_edits.py" line="84"/>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
</context>
<context>
    <name>CaseListCheck</name>
    <message>
        <location filename="../../ui/case_list_check.py" line="48"/>
        <location filename="../../ui/case_list_check.py" line="121"/>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_check.py" line="123"/>
        <source>Updating the case list %1/%2 (rows shown may be out of date)</source>
        <translation>Updating the case list %1/%2 (rows shown may be out of date)</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_check.py" line="142"/>
        <source>The case list could not be updated: %1</source>
        <translation>The case list could not be updated: %1</translation>
    </message>
</context>
<context>
    <name>CaseListModel</name>
    <message>
        <location filename="../../ui/models/case_list_model.py" line="49"/>
        <source>Case</source>
        <translation>Case</translation>
    </message>
    <message>
        <location filename="../../ui/models/case_list_model.py" line="50"/>
        <source>Order no.</source>
        <translation>Order no.</translation>
    </message>
    <message>
        <location filename="../../ui/models/case_list_model.py" line="51"/>
        <source>Platform</source>
        <translation>Platform</translation>
    </message>
    <message>
        <location filename="../../ui/models/case_list_model.py" line="52"/>
        <source>Dispute type</source>
        <translation>Dispute type</translation>
    </message>
    <message>
        <location filename="../../ui/models/case_list_model.py" line="53"/>
        <source>Stage</source>
        <translation>Stage</translation>
    </message>
    <message>
        <location filename="../../ui/models/case_list_model.py" line="54"/>
        <source>Deadline</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../ui/models/case_list_model.py" line="55"/>
        <source>Checklist</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <location filename="../../ui/models/case_list_model.py" line="56"/>
        <source>Buyer</source>
        <translation>Buyer</translation>
    </message>
    <message>
        <location filename="../../ui/models/case_list_model.py" line="57"/>
        <source>Last change</source>
        <translation>Last change</translation>
    </message>
    <message>
        <location filename="../../ui/models/case_list_model.py" line="58"/>
        <source>Still missing</source>
        <translation>Still missing</translation>
    </message>
</context>
<context>
    <name>CaseListPage</name>
    <message>
        <location filename="../../ui/case_list_page.py" line="79"/>
        <source>Search order no., buyer, phone, product…</source>
        <translation>Search order no., buyer, phone, product…</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_page.py" line="83"/>
        <source>All stages</source>
        <translation>All stages</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_page.py" line="89"/>
        <source>All platforms</source>
        <translation>All platforms</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_page.py" line="98"/>
        <source>My cases</source>
        <translation>My cases</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_page.py" line="144"/>
        <source>Show all cases</source>
        <translation>Show all cases</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_page.py" line="175"/>
        <source>Case</source>
        <translation>Case</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_page.py" line="175"/>
        <source>Where</source>
        <translation>Where</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_page.py" line="175"/>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_page.py" line="276"/>
        <source>Searching inside evidence…</source>
        <translation>Searching inside evidence…</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_page.py" line="303"/>
        <source>No matches inside evidence.</source>
        <translation>No matches inside evidence.</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_page.py" line="305"/>
        <source>Inside evidence: the first %1 matches (add a word to narrow)</source>
        <translation>Inside evidence: the first %1 matches (add a word to narrow)</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_page.py" line="308"/>
        <source>Inside evidence: %1 match(es); Enter or double-click opens one</source>
        <translation>Inside evidence: %1 match(es); Enter or double-click opens one</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_page.py" line="312"/>
        <source>the search index is %1 item(s) behind, so matches may be missing (a staff member&apos;s desktop brings it up to date)</source>
        <translation>the search index is %1 item(s) behind, so matches may be missing (a staff member&apos;s desktop brings it up to date)</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_page.py" line="354"/>
        <source>From the review: %1 (%2 cases)</source>
        <translation>From the review: %1 (%2 cases)</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_page.py" line="377"/>
        <source>All (%1)</source>
        <translation>All (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_page.py" line="395"/>
        <source>Nothing due within %1 h.</source>
        <translation>Nothing due within %1 h.</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_page.py" line="423"/>
        <source>Updating the case list…</source>
        <translation>Updating the case list…</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_page.py" line="426"/>
        <source>No cases in the list.</source>
        <translation>No cases in the list.</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_page.py" line="427"/>
        <source>Cases in the trash: %1.</source>
        <translation>Cases in the trash: %1.</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_page.py" line="428"/>
        <source>Open the trash</source>
        <translation>Open the trash</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_page.py" line="430"/>
        <source>No cases yet.</source>
        <translation>No cases yet.</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_page.py" line="431"/>
        <source>Press Ctrl+N to open the first one,</source>
        <translation>Press Ctrl+N to open the first one,</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_page.py" line="432"/>
        <source>then drop its chat logs, traces and photos on it.</source>
        <translation>then drop its chat logs, traces and photos on it.</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_page.py" line="329"/>
        <source>All dispute types</source>
        <translation>All dispute types</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_page.py" line="399"/>
        <source>Due within %1 h: %2 case(s), %3 overdue. First: %4 %5 (%6).</source>
        <translation>Due within %1 h: %2 case(s), %3 overdue. First: %4 %5 (%6).</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_page.py" line="413"/>
        <source>%1 of %2 cases</source>
        <translation>%1 of %2 cases</translation>
    </message>
</context>
<context>
    <name>CaseView</name>
    <message>
        <location filename="../../ui/case_view.py" line="57"/>
        <source>Evidence</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="58"/>
        <source>Facts</source>
        <translation>Facts</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="59"/>
        <source>Statement</source>
        <translation>Statement</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="61"/>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="63"/>
        <source>Work-order log</source>
        <translation>Work-order log</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="179"/>
        <source>Order %1</source>
        <translation>Order %1</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="181"/>
        <source>handed over from %1</source>
        <translation>handed over from %1</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="183"/>
        <source>assigned to %1</source>
        <translation>assigned to %1</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="205"/>
        <source>Closed case: read-only. Reopen it to attach, edit or export for the platform.</source>
        <translation>Closed case: read-only. Reopen it to attach, edit or export for the platform.</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="206"/>
        <source>Reopen…</source>
        <translation>Reopen…</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="237"/>
        <source>Being edited by %1</source>
        <translation>Being edited by %1</translation>
    </message>
</context>
<context>
    <name>ChatPreview</name>
    <message>
        <location filename="../../ui/preview/chat_view.py" line="62"/>
        <source>Key</source>
        <translation>Key</translation>
    </message>
    <message>
        <location filename="../../ui/preview/chat_view.py" line="118"/>
        <source>Unmark message #%1 as key</source>
        <translation>Unmark message #%1 as key</translation>
    </message>
    <message>
        <location filename="../../ui/preview/chat_view.py" line="120"/>
        <source>Mark message #%1 as key</source>
        <translation>Mark message #%1 as key</translation>
    </message>
</context>
<context>
    <name>ChecklistPanel</name>
    <message>
        <location filename="../../ui/checklist_panel.py" line="44"/>
        <source>Click a missing item to add that evidence; click a met item to see its exhibits.</source>
        <translation>Click a missing item to add that evidence; click a met item to see its exhibits.</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_panel.py" line="67"/>
        <source>Checklist %1/%2</source>
        <translation>Checklist %1/%2</translation>
    </message>
</context>
<context>
    <name>DeadlineBanner</name>
    <message>
        <location filename="../../ui/deadline_banner.py" line="27"/>
        <source>No clock is running for this case.</source>
        <translation>No clock is running for this case.</translation>
    </message>
    <message>
        <location filename="../../ui/deadline_banner.py" line="84"/>
        <source>Due %1</source>
        <translation>Due %1</translation>
    </message>
    <message>
        <location filename="../../ui/deadline_banner.py" line="94"/>
        <source>late by %1</source>
        <translation>late by %1</translation>
    </message>
    <message>
        <location filename="../../ui/deadline_banner.py" line="96"/>
        <source>met</source>
        <translation>met</translation>
    </message>
    <message>
        <location filename="../../ui/deadline_banner.py" line="100"/>
        <source>Stopped %1</source>
        <translation>Stopped %1</translation>
    </message>
    <message>
        <location filename="../../ui/deadline_banner.py" line="56"/>
        <source>Appeals left: %1</source>
        <translation>Appeals left: %1</translation>
    </message>
    <message>
        <location filename="../../ui/deadline_banner.py" line="59"/>
        <source>this is the last one: add every piece of new evidence</source>
        <translation>this is the last one: add every piece of new evidence</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <location filename="../../ui/submission_dialogs.py" line="116"/>
        <source>Record the platform&apos;s decision</source>
        <translation>Record the platform&apos;s decision</translation>
    </message>
    <message>
        <location filename="../../ui/submission_dialogs.py" line="129"/>
        <source>Decision</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../ui/submission_dialogs.py" line="130"/>
        <source>Decided at</source>
        <translation>Decided at</translation>
    </message>
    <message>
        <location filename="../../ui/submission_dialogs.py" line="131"/>
        <source>Refund amount</source>
        <translation>Refund amount</translation>
    </message>
    <message>
        <location filename="../../ui/submission_dialogs.py" line="132"/>
        <source>Platform reference</source>
        <translation>Platform reference</translation>
    </message>
</context>
<context>
    <name>ErrorPresenter</name>
    <message>
        <location filename="../../ui/errors.py" line="27"/>
        <source>Unexpected error (%1).</source>
        <translation>Unexpected error (%1).</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="49"/>
        <source>EvidenceKit</source>
        <translation>EvidenceKit</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="54"/>
        <source>Something went wrong that EvidenceKit did not expect. Your library was not changed by this error.</source>
        <translation>Something went wrong that EvidenceKit did not expect. Your library was not changed by this error.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="56"/>
        <source>Unexpected error</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="58"/>
        <source>Please copy the details and send them to support.</source>
        <translation>Please copy the details and send them to support.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="59"/>
        <source>Copy details</source>
        <translation>Copy details</translation>
    </message>
</context>
<context>
    <name>EvidencePanel</name>
    <message>
        <location filename="../../ui/evidence_panel.py" line="147"/>
        <source>Add files…</source>
        <translation>Add files…</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_panel.py" line="148"/>
        <source>Add folder…</source>
        <translation>Add folder…</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_panel.py" line="149"/>
        <location filename="../../ui/evidence_panel.py" line="486"/>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_panel.py" line="150"/>
        <source>Clear refused files</source>
        <translation>Clear refused files</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_panel.py" line="151"/>
        <location filename="../../ui/evidence_panel.py" line="261"/>
        <source>Grid</source>
        <translation>Grid</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_panel.py" line="261"/>
        <source>List</source>
        <translation>List</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_panel.py" line="297"/>
        <source>Add evidence</source>
        <translation>Add evidence</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_panel.py" line="298"/>
        <source>Add evidence: %1</source>
        <translation>Add evidence: %1</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_panel.py" line="303"/>
        <source>Add a folder of evidence</source>
        <translation>Add a folder of evidence</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_panel.py" line="428"/>
        <source>Mark as new evidence</source>
        <translation>Mark as new evidence</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_panel.py" line="434"/>
        <location filename="../../ui/evidence_panel.py" line="484"/>
        <source>Use the computed new-evidence mark</source>
        <translation>Use the computed new-evidence mark</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_panel.py" line="445"/>
        <location filename="../../ui/evidence_panel.py" line="473"/>
        <source>Set kind</source>
        <translation>Set kind</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_panel.py" line="454"/>
        <location filename="../../ui/evidence_panel.py" line="461"/>
        <source>Caption prefix</source>
        <translation>Caption prefix</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_panel.py" line="462"/>
        <source>Text to put before the caption of the %1 selected exhibit(s):</source>
        <translation>Text to put before the caption of the %1 selected exhibit(s):</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_panel.py" line="481"/>
        <source>Caption prefix…</source>
        <translation>Caption prefix…</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_panel.py" line="482"/>
        <source>Mark as new evidence / not new</source>
        <translation>Mark as new evidence / not new</translation>
    </message>
</context>
<context>
    <name>ExhibitLinksDelegate</name>
    <message>
        <location filename="../../ui/exhibit_picker.py" line="147"/>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
</context>
<context>
    <name>ExhibitListModel</name>
    <message>
        <location filename="../../ui/models/exhibit_model.py" line="33"/>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/models/exhibit_model.py" line="34"/>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/models/exhibit_model.py" line="35"/>
        <source>Caption</source>
        <translation>Caption</translation>
    </message>
    <message>
        <location filename="../../ui/models/exhibit_model.py" line="36"/>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../ui/models/exhibit_model.py" line="37"/>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/models/exhibit_model.py" line="38"/>
        <source>Warnings</source>
        <translation>Warnings</translation>
    </message>
    <message>
        <location filename="../../ui/models/exhibit_model.py" line="224"/>
        <source>%1 (guessed)</source>
        <translation>%1 (guessed)</translation>
    </message>
    <message>
        <location filename="../../ui/models/exhibit_model.py" line="237"/>
        <source>Guessed from the folder name (“%1”): check it</source>
        <translation>Guessed from the folder name (“%1”): check it</translation>
    </message>
    <message>
        <location filename="../../ui/models/exhibit_model.py" line="239"/>
        <source>Guessed from the file name (“%1”): check it</source>
        <translation>Guessed from the file name (“%1”): check it</translation>
    </message>
    <message>
        <location filename="../../ui/models/exhibit_model.py" line="272"/>
        <source>Adding…</source>
        <translation>Adding…</translation>
    </message>
</context>
<context>
    <name>ExhibitPicker</name>
    <message>
        <location filename="../../ui/exhibit_picker.py" line="41"/>
        <source>Exhibits for this point</source>
        <translation>Exhibits for this point</translation>
    </message>
    <message>
        <location filename="../../ui/exhibit_picker.py" line="44"/>
        <source>Type E5, a kind or words of a caption…</source>
        <translation>Type E5, a kind or words of a caption…</translation>
    </message>
    <message>
        <location filename="../../ui/exhibit_picker.py" line="59"/>
        <source>Enter ticks the first match; Space ticks the selected one.</source>
        <translation>Enter ticks the first match; Space ticks the selected one.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../ui/export_dialog.py" line="205"/>
        <source>Export bundle — %1</source>
        <translation>Export bundle — %1</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="209"/>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="214"/>
        <source>Mask buyer phone numbers and names</source>
        <translation>Mask buyer phone numbers and names</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="206"/>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="207"/>
        <source>Profile</source>
        <translation>Profile</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="208"/>
        <source>Save as</source>
        <translation>Save as</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="210"/>
        <source>Copy for</source>
        <translation>Copy for</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="211"/>
        <source>The platform (to submit: buyer data masked, no internal notes)</source>
        <translation>The platform (to submit: buyer data masked, no internal notes)</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="213"/>
        <source>My records (everything: clocks, checks, edit log)</source>
        <translation>My records (everything: clocks, checks, edit log)</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="215"/>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="216"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="217"/>
        <source>Open folder</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="218"/>
        <source>Preview bundle</source>
        <translation>Preview bundle</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="219"/>
        <source>Mark as submitted…</source>
        <translation>Mark as submitted…</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="220"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="288"/>
        <source>Save bundle as</source>
        <translation>Save bundle as</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="306"/>
        <source>The platform may reject an incomplete bundle. Export anyway?</source>
        <translation>The platform may reject an incomplete bundle. Export anyway?</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="236"/>
        <source>Starting…</source>
        <translation>Starting…</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="304"/>
        <source>This case is not ready for the platform:</source>
        <translation>This case is not ready for the platform:</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="307"/>
        <source>Not ready for the platform</source>
        <translation>Not ready for the platform</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="312"/>
        <source>This file already exists:</source>
        <translation>This file already exists:</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="313"/>
        <source>Replace it? The old file stays as it is until the new bundle is complete.</source>
        <translation>Replace it? The old file stays as it is until the new bundle is complete.</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="314"/>
        <source>Replace the file?</source>
        <translation>Replace the file?</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="373"/>
        <source>PDF password</source>
        <translation>PDF password</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="374"/>
        <source>E%1 (%2) is encrypted. Enter its password to include it:</source>
        <translation>E%1 (%2) is encrypted. Enter its password to include it:</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="238"/>
        <source>Cancelling…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="243"/>
        <source>Saved: %1</source>
        <translation>Saved: %1</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="249"/>
        <source>The export failed unexpectedly; nothing was saved.</source>
        <translation>The export failed unexpectedly; nothing was saved.</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="250"/>
        <source>Export failed: %1</source>
        <translation>Export failed: %1</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="240"/>
        <source>Export cancelled; nothing was saved.</source>
        <translation>Export cancelled; nothing was saved.</translation>
    </message>
</context>
<context>
    <name>FactsForm</name>
    <message>
        <location filename="../../ui/facts_form.py" line="64"/>
        <source>Order no.</source>
        <translation>Order no.</translation>
    </message>
    <message>
        <location filename="../../ui/facts_form.py" line="64"/>
        <source>After-sale no.</source>
        <translation>After-sale no.</translation>
    </message>
    <message>
        <location filename="../../ui/facts_form.py" line="65"/>
        <source>Buyer</source>
        <translation>Buyer</translation>
    </message>
    <message>
        <location filename="../../ui/facts_form.py" line="65"/>
        <source>Buyer phone</source>
        <translation>Buyer phone</translation>
    </message>
    <message>
        <location filename="../../ui/facts_form.py" line="66"/>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <location filename="../../ui/facts_form.py" line="66"/>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../ui/facts_form.py" line="67"/>
        <source>Store</source>
        <translation>Store</translation>
    </message>
    <message>
        <location filename="../../ui/facts_form.py" line="67"/>
        <source>Judgment ref.</source>
        <translation>Judgment ref.</translation>
    </message>
    <message>
        <location filename="../../ui/facts_form.py" line="68"/>
        <source>Merchant&apos;s request</source>
        <translation>Merchant&apos;s request</translation>
    </message>
    <message>
        <location filename="../../ui/facts_form.py" line="69"/>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <location filename="../../ui/facts_form.py" line="78"/>
        <source>e.g. 请驳回买家退款申请</source>
        <translation>e.g. 请驳回买家退款申请</translation>
    </message>
    <message>
        <location filename="../../ui/facts_form.py" line="81"/>
        <source>Stage and clocks</source>
        <translation>Stage and clocks</translation>
    </message>
    <message>
        <location filename="../../ui/facts_form.py" line="87"/>
        <source>Stage</source>
        <translation>Stage</translation>
    </message>
    <message>
        <location filename="../../ui/facts_form.py" line="88"/>
        <source>After-sale request</source>
        <translation>After-sale request</translation>
    </message>
    <message>
        <location filename="../../ui/facts_form.py" line="89"/>
        <source>Replied to the buyer</source>
        <translation>Replied to the buyer</translation>
    </message>
    <message>
        <location filename="../../ui/facts_form.py" line="90"/>
        <source>Refund request handled</source>
        <translation>Refund request handled</translation>
    </message>
    <message>
        <location filename="../../ui/facts_form.py" line="91"/>
        <source>Evidence submitted</source>
        <translation>Evidence submitted</translation>
    </message>
    <message>
        <location filename="../../ui/facts_form.py" line="92"/>
        <source>Supplement requested</source>
        <translation>Supplement requested</translation>
    </message>
    <message>
        <location filename="../../ui/facts_form.py" line="93"/>
        <source>Remedied after judgment</source>
        <translation>Remedied after judgment</translation>
    </message>
    <message>
        <location filename="../../ui/facts_form.py" line="94"/>
        <source>Appeal decided</source>
        <translation>Appeal decided</translation>
    </message>
    <message>
        <location filename="../../ui/facts_form.py" line="95"/>
        <source>Platform intervention</source>
        <translation>Platform intervention</translation>
    </message>
    <message>
        <location filename="../../ui/facts_form.py" line="96"/>
        <source>Shipped</source>
        <translation>Shipped</translation>
    </message>
    <message>
        <location filename="../../ui/facts_form.py" line="96"/>
        <source>Judgment</source>
        <translation>Judgment</translation>
    </message>
    <message>
        <location filename="../../ui/facts_form.py" line="97"/>
        <source>Appeal submitted</source>
        <translation>Appeal submitted</translation>
    </message>
    <message>
        <location filename="../../ui/facts_form.py" line="98"/>
        <source>Appeal rejected</source>
        <translation>Appeal rejected</translation>
    </message>
    <message>
        <location filename="../../ui/facts_form.py" line="99"/>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../ui/facts_form.py" line="109"/>
        <source>Judgment and appeal</source>
        <translation>Judgment and appeal</translation>
    </message>
    <message>
        <location filename="../../ui/facts_form.py" line="112"/>
        <source>Judged against the merchant</source>
        <translation>Judged against the merchant</translation>
    </message>
    <message>
        <location filename="../../ui/facts_form.py" line="116"/>
        <source>Paste the platform&apos;s judgment text here</source>
        <translation>Paste the platform&apos;s judgment text here</translation>
    </message>
    <message>
        <location filename="../../ui/facts_form.py" line="120"/>
        <source>Judgment text</source>
        <translation>Judgment text</translation>
    </message>
    <message>
        <location filename="../../ui/facts_form.py" line="125"/>
        <source>Appeals used</source>
        <translation>Appeals used</translation>
    </message>
    <message>
        <location filename="../../ui/facts_form.py" line="131"/>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../ui/facts_form.py" line="134"/>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <location filename="../../ui/handover_dialog.py" line="46"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="49"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="69"/>
        <source>Packing the case into %1…</source>
        <translation>Packing the case into %1…</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="79"/>
        <source>Checking every hash in %1…</source>
        <translation>Checking every hash in %1…</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="87"/>
        <source>Backing up the library to %1…</source>
        <translation>Backing up the library to %1…</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="104"/>
        <source>Restoring %1 into %2…</source>
        <translation>Restoring %1 into %2…</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="142"/>
        <source>Choose a new or empty folder: restoring never mixes two libraries.</source>
        <translation>Choose a new or empty folder: restoring never mixes two libraries.</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="149"/>
        <source>Cancelled: nothing was changed.</source>
        <translation>Cancelled: nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="162"/>
        <source>Restored into %1: %2 originals, every hash matches. To work in it, choose that folder as the library in Settings.</source>
        <translation>Restored into %1: %2 originals, every hash matches. To work in it, choose that folder as the library in Settings.</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="166"/>
        <source>Packed %1: %2 originals, %3 submitted files, %4 MB. The file holds unmasked buyer data: hand it only to your own team.</source>
        <translation>Packed %1: %2 originals, %3 submitted files, %4 MB. The file holds unmasked buyer data: hand it only to your own team.</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="171"/>
        <source>Imported as %1 (was %2): %3 originals, %4 submissions; every hash matches.</source>
        <translation>Imported as %1 (was %2): %3 originals, %4 submissions; every hash matches.</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="175"/>
        <source>Backed up: %1 originals, %2 copied this time (%3 MB), %4 already there.</source>
        <translation>Backed up: %1 originals, %2 copied this time (%3 MB), %4 already there.</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <location filename="../../ui/history_view.py" line="113"/>
        <source>This case is closed: it is read-only.</source>
        <translation>This case is closed: it is read-only.</translation>
    </message>
    <message>
        <location filename="../../ui/history_view.py" line="122"/>
        <source>Submitted to the platform</source>
        <translation>Submitted to the platform</translation>
    </message>
    <message>
        <location filename="../../ui/history_view.py" line="148"/>
        <source>Draft exports</source>
        <translation>Draft exports</translation>
    </message>
    <message>
        <location filename="../../ui/history_view.py" line="121"/>
        <source>None yet.</source>
        <translation>None yet.</translation>
    </message>
    <message>
        <location filename="../../ui/history_view.py" line="115"/>
        <source>Reopen…</source>
        <translation>Reopen…</translation>
    </message>
    <message>
        <location filename="../../ui/history_view.py" line="121"/>
        <source>Action log</source>
        <translation>Action log</translation>
    </message>
    <message>
        <location filename="../../ui/history_view.py" line="134"/>
        <source>Decision: %1 (%2)</source>
        <translation>Decision: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/history_view.py" line="139"/>
        <source>Awaiting the platform&apos;s decision</source>
        <translation>Awaiting the platform&apos;s decision</translation>
    </message>
    <message>
        <location filename="../../ui/history_view.py" line="141"/>
        <source>Open the submitted bundle</source>
        <translation>Open the submitted bundle</translation>
    </message>
    <message>
        <location filename="../../ui/history_view.py" line="144"/>
        <source>Record decision…</source>
        <translation>Record decision…</translation>
    </message>
    <message>
        <location filename="../../ui/history_view.py" line="158"/>
        <source>Delete this record</source>
        <translation>Delete this record</translation>
    </message>
    <message>
        <location filename="../../ui/history_view.py" line="161"/>
        <source>Mark as submitted…</source>
        <translation>Mark as submitted…</translation>
    </message>
    <message>
        <location filename="../../ui/history_view.py" line="166"/>
        <source>Newest first. Times are the platform&apos;s (%1).</source>
        <translation>Newest first. Times are the platform&apos;s (%1).</translation>
    </message>
    <message>
        <location filename="../../ui/history_view.py" line="205"/>
        <source>Forget this draft export? The files on disk are kept.</source>
        <translation>Forget this draft export? The files on disk are kept.</translation>
    </message>
    <message>
        <location filename="../../ui/history_view.py" line="220"/>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../ui/history_view.py" line="223"/>
        <source>Reopen the case</source>
        <translation>Reopen the case</translation>
    </message>
    <message>
        <location filename="../../ui/history_view.py" line="224"/>
        <source>Why is the case reopened? (kept in the action log)</source>
        <translation>Why is the case reopened? (kept in the action log)</translation>
    </message>
</context>
<context>
    <name>ImportBar</name>
    <message>
        <location filename="../../ui/import_bar.py" line="29"/>
        <source>Cancel import</source>
        <translation>Cancel import</translation>
    </message>
    <message>
        <location filename="../../ui/import_bar.py" line="46"/>
        <source>Adding files: %1 of %2 done</source>
        <translation>Adding files: %1 of %2 done</translation>
    </message>
    <message>
        <location filename="../../ui/import_bar.py" line="51"/>
        <source>%1 of %2 files added.</source>
        <translation>%1 of %2 files added.</translation>
    </message>
    <message>
        <location filename="../../ui/import_bar.py" line="53"/>
        <source>%1 file(s) could not be added.</source>
        <translation>%1 file(s) could not be added.</translation>
    </message>
</context>
<context>
    <name>ImportListDialog</name>
    <message>
        <location filename="../../ui/import_list_dialog.py" line="160"/>
        <source>Import after-sale list</source>
        <translation>Import after-sale list</translation>
    </message>
    <message>
        <location filename="../../ui/import_list_dialog.py" line="161"/>
        <location filename="../../ui/import_list_dialog.py" line="233"/>
        <source>After-sale list</source>
        <translation>After-sale list</translation>
    </message>
    <message>
        <location filename="../../ui/import_list_dialog.py" line="162"/>
        <location filename="../../ui/import_list_dialog.py" line="240"/>
        <source>Mapping file</source>
        <translation>Mapping file</translation>
    </message>
    <message>
        <location filename="../../ui/import_list_dialog.py" line="163"/>
        <source>Optional: for lists with other column names</source>
        <translation>Optional: for lists with other column names</translation>
    </message>
    <message>
        <location filename="../../ui/import_list_dialog.py" line="164"/>
        <source>Platform</source>
        <translation>Platform</translation>
    </message>
    <message>
        <location filename="../../ui/import_list_dialog.py" line="165"/>
        <source>Store time zone</source>
        <translation>Store time zone</translation>
    </message>
    <message>
        <location filename="../../ui/import_list_dialog.py" line="167"/>
        <source>TikTok Shop: the store&apos;s market, e.g. America/New_York (Douyin: not needed)</source>
        <translation>TikTok Shop: the store&apos;s market, e.g. America/New_York (Douyin: not needed)</translation>
    </message>
    <message>
        <location filename="../../ui/import_list_dialog.py" line="168"/>
        <source>From the list (automatic)</source>
        <translation>From the list (automatic)</translation>
    </message>
    <message>
        <location filename="../../ui/import_list_dialog.py" line="171"/>
        <location filename="../../ui/import_list_dialog.py" line="172"/>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../ui/import_list_dialog.py" line="173"/>
        <source>Preview</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../ui/import_list_dialog.py" line="174"/>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../ui/import_list_dialog.py" line="175"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/import_list_dialog.py" line="176"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/import_list_dialog.py" line="177"/>
        <source>All rows</source>
        <translation>All rows</translation>
    </message>
    <message>
        <location filename="../../ui/import_list_dialog.py" line="177"/>
        <source>Errors only</source>
        <translation>Errors only</translation>
    </message>
    <message>
        <location filename="../../ui/import_list_dialog.py" line="178"/>
        <source>New and updated</source>
        <translation>New and updated</translation>
    </message>
    <message>
        <location filename="../../ui/import_list_dialog.py" line="178"/>
        <source>Closed, not updated</source>
        <translation>Closed, not updated</translation>
    </message>
    <message>
        <location filename="../../ui/import_list_dialog.py" line="190"/>
        <source>built-in column names</source>
        <translation>built-in column names</translation>
    </message>
    <message>
        <location filename="../../ui/import_list_dialog.py" line="192"/>
        <source>%1, times in %2, headers on row %3 (%4):</source>
        <translation>%1, times in %2, headers on row %3 (%4):</translation>
    </message>
    <message>
        <location filename="../../ui/import_list_dialog.py" line="197"/>
        <source>Would create %1 · update %2 · unchanged %3 · closed, not updated %4 · errors %5</source>
        <translation>Would create %1 · update %2 · unchanged %3 · closed, not updated %4 · errors %5</translation>
    </message>
    <message>
        <location filename="../../ui/import_list_dialog.py" line="199"/>
        <source>Created %1 · updated %2 · unchanged %3 · closed, not updated %4 · errors %5</source>
        <translation>Created %1 · updated %2 · unchanged %3 · closed, not updated %4 · errors %5</translation>
    </message>
    <message>
        <location filename="../../ui/import_list_dialog.py" line="209"/>
        <source>Reading the list…</source>
        <translation>Reading the list…</translation>
    </message>
    <message>
        <location filename="../../ui/import_list_dialog.py" line="211"/>
        <source>Nothing has been imported yet. Check the rows, then press Import.</source>
        <translation>Nothing has been imported yet. Check the rows, then press Import.</translation>
    </message>
    <message>
        <location filename="../../ui/import_list_dialog.py" line="213"/>
        <source>Nothing to import: no row is new or changed.</source>
        <translation>Nothing to import: no row is new or changed.</translation>
    </message>
    <message>
        <location filename="../../ui/import_list_dialog.py" line="215"/>
        <source>Cancelling…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <location filename="../../ui/import_list_dialog.py" line="217"/>
        <source>Import cancelled; nothing was changed.</source>
        <translation>Import cancelled; nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../ui/import_list_dialog.py" line="219"/>
        <source>Imported. The case list is up to date.</source>
        <translation>Imported. The case list is up to date.</translation>
    </message>
    <message>
        <location filename="../../ui/import_list_dialog.py" line="221"/>
        <source>This platform&apos;s lists need the store&apos;s time zone: choose or type it in “Store time zone”, then press Preview. Nothing has been imported.</source>
        <translation>This platform&apos;s lists need the store&apos;s time zone: choose or type it in “Store time zone”, then press Preview. Nothing has been imported.</translation>
    </message>
    <message>
        <location filename="../../ui/import_list_dialog.py" line="234"/>
        <source>Spreadsheets (*.xlsx *.xlsm *.csv)</source>
        <translation>Spreadsheets (*.xlsx *.xlsm *.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/import_list_dialog.py" line="241"/>
        <source>Mapping files (*.toml)</source>
        <translation>Mapping files (*.toml)</translation>
    </message>
</context>
<context>
    <name>ImportPreviewModel</name>
    <message>
        <location filename="../../ui/models/import_preview_model.py" line="17"/>
        <source>Row</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../ui/models/import_preview_model.py" line="18"/>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../ui/models/import_preview_model.py" line="19"/>
        <source>After-sale no.</source>
        <translation>After-sale no.</translation>
    </message>
    <message>
        <location filename="../../ui/models/import_preview_model.py" line="20"/>
        <source>Order no.</source>
        <translation>Order no.</translation>
    </message>
    <message>
        <location filename="../../ui/models/import_preview_model.py" line="21"/>
        <source>Dispute type</source>
        <translation>Dispute type</translation>
    </message>
    <message>
        <location filename="../../ui/models/import_preview_model.py" line="22"/>
        <source>Case</source>
        <translation>Case</translation>
    </message>
    <message>
        <location filename="../../ui/models/import_preview_model.py" line="23"/>
        <source>Changes, errors and warnings</source>
        <translation>Changes, errors and warnings</translation>
    </message>
    <message>
        <location filename="../../ui/models/import_preview_model.py" line="24"/>
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../ui/models/import_preview_model.py" line="25"/>
        <source>Updated</source>
        <translation>Updated</translation>
    </message>
    <message>
        <location filename="../../ui/models/import_preview_model.py" line="26"/>
        <source>Unchanged</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <location filename="../../ui/models/import_preview_model.py" line="27"/>
        <source>Closed, not updated</source>
        <translation>Closed, not updated</translation>
    </message>
    <message>
        <location filename="../../ui/models/import_preview_model.py" line="28"/>
        <source>Error</source>
        <translation>Error</translation>
    </message>
</context>
<context>
    <name>ImportPrompts</name>
    <message>
        <location filename="../../ui/import_prompts.py" line="20"/>
        <source>%1 (already E%2)</source>
        <translation>%1 (already E%2)</translation>
    </message>
    <message>
        <location filename="../../ui/import_prompts.py" line="25"/>
        <source>… and %1 more</source>
        <translation>… and %1 more</translation>
    </message>
    <message>
        <location filename="../../ui/import_prompts.py" line="26"/>
        <source>Already in this case</source>
        <translation>Already in this case</translation>
    </message>
    <message>
        <location filename="../../ui/import_prompts.py" line="27"/>
        <source>This case already holds %1 of the files you added (the same content):</source>
        <translation>This case already holds %1 of the files you added (the same content):</translation>
    </message>
    <message>
        <location filename="../../ui/import_prompts.py" line="31"/>
        <source>Skip them</source>
        <translation>Skip them</translation>
    </message>
    <message>
        <location filename="../../ui/import_prompts.py" line="32"/>
        <source>Add anyway</source>
        <translation>Add anyway</translation>
    </message>
    <message>
        <location filename="../../ui/import_prompts.py" line="57"/>
        <source>Unfinished import</source>
        <translation>Unfinished import</translation>
    </message>
    <message>
        <location filename="../../ui/import_prompts.py" line="58"/>
        <source>Adding files to case %1 (order %2) was cut short: %3 file(s) were not added.</source>
        <translation>Adding files to case %1 (order %2) was cut short: %3 file(s) were not added.</translation>
    </message>
    <message>
        <location filename="../../ui/import_prompts.py" line="63"/>
        <source>Add them now? Files that are no longer there are listed as refused.</source>
        <translation>Add them now? Files that are no longer there are listed as refused.</translation>
    </message>
    <message>
        <location filename="../../ui/import_prompts.py" line="65"/>
        <source>Add the rest</source>
        <translation>Add the rest</translation>
    </message>
    <message>
        <location filename="../../ui/import_prompts.py" line="66"/>
        <source>Discard</source>
        <translation>Discard</translation>
    </message>
    <message>
        <location filename="../../ui/import_prompts.py" line="67"/>
        <source>Later</source>
        <translation>Later</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="161"/>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="162"/>
        <source>&amp;New case…</source>
        <translation>&amp;New case…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="163"/>
        <source>&amp;Import after-sale list…</source>
        <translation>&amp;Import after-sale list…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="165"/>
        <source>&amp;Export bundle…</source>
        <translation>&amp;Export bundle…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="168"/>
        <source>Export &amp;case…</source>
        <translation>Export &amp;case…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="170"/>
        <source>Import c&amp;ase…</source>
        <translation>Import c&amp;ase…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="172"/>
        <source>&amp;Back up library…</source>
        <translation>&amp;Back up library…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="173"/>
        <source>&amp;Restore library…</source>
        <translation>&amp;Restore library…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="176"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="181"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="183"/>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="185"/>
        <source>&amp;Undo</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="187"/>
        <source>&amp;Redo</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="192"/>
        <source>&amp;Add files…</source>
        <translation>&amp;Add files…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="194"/>
        <source>Add &amp;folder…</source>
        <translation>Add &amp;folder…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="196"/>
        <source>&amp;Remove exhibit</source>
        <translation>&amp;Remove exhibit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="199"/>
        <source>Mark as &amp;new evidence</source>
        <translation>Mark as &amp;new evidence</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="201"/>
        <source>&amp;Find case</source>
        <translation>&amp;Find case</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="204"/>
        <source>&amp;Case</source>
        <translation>&amp;Case</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="205"/>
        <source>&amp;Case list</source>
        <translation>&amp;Case list</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="206"/>
        <source>Re&amp;view (numbers)</source>
        <translation>Re&amp;view (numbers)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="208"/>
        <source>&amp;Evidence</source>
        <translation>&amp;Evidence</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="209"/>
        <source>&amp;Facts</source>
        <translation>&amp;Facts</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="210"/>
        <source>&amp;Statement</source>
        <translation>&amp;Statement</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="211"/>
        <source>&amp;History</source>
        <translation>&amp;History</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="212"/>
        <source>&amp;Work-order log</source>
        <translation>&amp;Work-order log</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="215"/>
        <source>List / &amp;grid view</source>
        <translation>List / &amp;grid view</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="219"/>
        <source>Move case to &amp;trash…</source>
        <translation>Move case to &amp;trash…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="230"/>
        <source>&amp;Assign…</source>
        <translation>&amp;Assign…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="232"/>
        <source>T&amp;rash…</source>
        <translation>T&amp;rash…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="237"/>
        <source>&amp;User guide</source>
        <translation>&amp;User guide</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="239"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="407"/>
        <location filename="../../ui/main_window.py" line="414"/>
        <source>Export case</source>
        <translation>Export case</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="408"/>
        <location filename="../../ui/main_window.py" line="425"/>
        <source>EvidenceKit case (*.evcase)</source>
        <translation>EvidenceKit case (*.evcase)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="424"/>
        <location filename="../../ui/main_window.py" line="428"/>
        <source>Import case</source>
        <translation>Import case</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="439"/>
        <location filename="../../ui/main_window.py" line="442"/>
        <source>Back up library</source>
        <translation>Back up library</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="453"/>
        <source>Choose the backup folder</source>
        <translation>Choose the backup folder</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="458"/>
        <source>Choose a new or empty folder to restore into</source>
        <translation>Choose a new or empty folder to restore into</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="461"/>
        <source>Restore library</source>
        <translation>Restore library</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="494"/>
        <source>Move case %1 (order %2) to the trash?</source>
        <translation>Move case %1 (order %2) to the trash?</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="496"/>
        <source>Its evidence and history are kept. Restore it from Case ▸ Trash (%1).</source>
        <translation>Its evidence and history are kept. Restore it from Case ▸ Trash (%1).</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="234"/>
        <source>Re&amp;fresh</source>
        <translation>Re&amp;fresh</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="109"/>
        <location filename="../../ui/main_window.py" line="345"/>
        <location filename="../../ui/main_window.py" line="347"/>
        <source>Dispute evidence</source>
        <translation>Dispute evidence</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="236"/>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="241"/>
        <source>&amp;About EvidenceKit</source>
        <translation>&amp;About EvidenceKit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="247"/>
        <source>Main</source>
        <translation>Main</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="487"/>
        <location filename="../../ui/main_window.py" line="493"/>
        <source>Move to trash</source>
        <translation>Move to trash</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="555"/>
        <source>Undo</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="555"/>
        <source>Redo</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="556"/>
        <source>Move case to trash (from anywhere)</source>
        <translation>Move case to trash (from anywhere)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="568"/>
        <source>About EvidenceKit</source>
        <translation>About EvidenceKit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="569"/>
        <source>EvidenceKit collects chat logs, courier traces, inspection reports and photos for an after-sales dispute, checks them against the platform&apos;s checklist and deadline, and exports one verifiable PDF bundle.</source>
        <translation>EvidenceKit collects chat logs, courier traces, inspection reports and photos for an after-sales dispute, checks them against the platform&apos;s checklist and deadline, and exports one verifiable PDF bundle.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="574"/>
        <source>The password was wrong. Try again for %1:</source>
        <translation>The password was wrong. Try again for %1:</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="575"/>
        <source>%1 is encrypted. Enter its password:</source>
        <translation>%1 is encrypted. Enter its password:</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="576"/>
        <source>PDF password</source>
        <translation>PDF password</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="599"/>
        <source>Library on a network folder</source>
        <translation>Library on a network folder</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="666"/>
        <source>Adding %1 file(s)…</source>
        <translation>Adding %1 file(s)…</translation>
    </message>
</context>
<context>
    <name>MarkSubmittedDialog</name>
    <message>
        <location filename="../../ui/submission_dialogs.py" line="47"/>
        <source>Mark as submitted</source>
        <translation>Mark as submitted</translation>
    </message>
    <message>
        <location filename="../../ui/submission_dialogs.py" line="61"/>
        <source>Submit anyway (the platform allowed another)</source>
        <translation>Submit anyway (the platform allowed another)</translation>
    </message>
    <message>
        <location filename="../../ui/submission_dialogs.py" line="65"/>
        <source>Why (kept in the action log)</source>
        <translation>Why (kept in the action log)</translation>
    </message>
    <message>
        <location filename="../../ui/submission_dialogs.py" line="69"/>
        <source>Files</source>
        <translation>Files</translation>
    </message>
    <message>
        <location filename="../../ui/submission_dialogs.py" line="70"/>
        <source>Submitted as</source>
        <translation>Submitted as</translation>
    </message>
    <message>
        <location filename="../../ui/submission_dialogs.py" line="71"/>
        <source>Submitted at</source>
        <translation>Submitted at</translation>
    </message>
    <message>
        <location filename="../../ui/submission_dialogs.py" line="99"/>
        <source>If the platform really allowed another, tick below and give the reason.</source>
        <translation>If the platform really allowed another, tick below and give the reason.</translation>
    </message>
</context>
<context>
    <name>NewCaseDialog</name>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="106"/>
        <source>New case</source>
        <translation>New case</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="63"/>
        <source>Platform</source>
        <translation>Platform</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="21"/>
        <source>After-sale request time</source>
        <translation>After-sale request time</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="22"/>
        <source>Platform intervention time</source>
        <translation>Platform intervention time</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="24"/>
        <source>Judgment time</source>
        <translation>Judgment time</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="64"/>
        <source>Store time zone</source>
        <translation>Store time zone</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="65"/>
        <source>Dispute type</source>
        <translation>Dispute type</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="66"/>
        <source>Stage</source>
        <translation>Stage</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="67"/>
        <source>Order no.</source>
        <translation>Order no.</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="68"/>
        <source>After-sale no.</source>
        <translation>After-sale no.</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="69"/>
        <source>Buyer</source>
        <translation>Buyer</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="70"/>
        <source>Buyer phone</source>
        <translation>Buyer phone</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="71"/>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="72"/>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="110"/>
        <source>Create</source>
        <translation>Create</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="111"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="134"/>
        <source>The 24-hour reply clock and the 48-hour refund clock count from this instant.</source>
        <translation>The 24-hour reply clock and the 48-hour refund clock count from this instant.</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="136"/>
        <source>The 48-hour evidence clock counts from this instant.</source>
        <translation>The 48-hour evidence clock counts from this instant.</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="138"/>
        <source>The appeal window counts from this instant.</source>
        <translation>The appeal window counts from this instant.</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="156"/>
        <source>e.g. America/New_York</source>
        <translation>e.g. America/New_York</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="178"/>
        <source>Enter the order number.</source>
        <translation>Enter the order number.</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="182"/>
        <source>Choose the store&apos;s time zone: times for this case are read in it.</source>
        <translation>Choose the store&apos;s time zone: times for this case are read in it.</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="190"/>
        <source>The amount must be a number, e.g. 89.00.</source>
        <translation>The amount must be a number, e.g. 89.00.</translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <location filename="../../ui/preview/preview_pane.py" line="35"/>
        <location filename="../../ui/preview/preview_pane.py" line="86"/>
        <source>Select an exhibit to preview it.</source>
        <translation>Select an exhibit to preview it.</translation>
    </message>
    <message>
        <location filename="../../ui/preview/preview_pane.py" line="155"/>
        <source>%1 exhibits selected.</source>
        <translation>%1 exhibits selected.</translation>
    </message>
</context>
<context>
    <name>ReviewChart</name>
    <message>
        <location filename="../../ui/review_charts.py" line="52"/>
        <source>Won</source>
        <translation>Won</translation>
    </message>
    <message>
        <location filename="../../ui/review_charts.py" line="52"/>
        <source>Partly</source>
        <translation>Partly</translation>
    </message>
    <message>
        <location filename="../../ui/review_charts.py" line="52"/>
        <source>Lost</source>
        <translation>Lost</translation>
    </message>
    <message>
        <location filename="../../ui/review_charts.py" line="53"/>
        <source>Refunded</source>
        <translation>Refunded</translation>
    </message>
    <message>
        <location filename="../../ui/review_charts.py" line="53"/>
        <source>Withdrawn</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <location filename="../../ui/review_charts.py" line="54"/>
        <source>Undecided</source>
        <translation>Undecided</translation>
    </message>
    <message>
        <location filename="../../ui/review_charts.py" line="54"/>
        <source>On time %</source>
        <translation>On time %</translation>
    </message>
    <message>
        <location filename="../../ui/review_charts.py" line="55"/>
        <source>Win rate with it %</source>
        <translation>Win rate with it %</translation>
    </message>
    <message>
        <location filename="../../ui/review_charts.py" line="55"/>
        <source>Win rate without it %</source>
        <translation>Win rate without it %</translation>
    </message>
    <message>
        <location filename="../../ui/review_charts.py" line="56"/>
        <source>Times said</source>
        <translation>Times said</translation>
    </message>
    <message>
        <location filename="../../ui/review_charts.py" line="56"/>
        <source>No cases in this range.</source>
        <translation>No cases in this range.</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../../ui/review_page.py" line="140"/>
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../ui/review_page.py" line="141"/>
        <source>Cases from</source>
        <translation>Cases from</translation>
    </message>
    <message>
        <location filename="../../ui/review_page.py" line="142"/>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../ui/review_page.py" line="143"/>
        <source>Dispute type</source>
        <translation>Dispute type</translation>
    </message>
    <message>
        <location filename="../../ui/review_page.py" line="143"/>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <location filename="../../ui/review_page.py" line="143"/>
        <source>Carrier</source>
        <translation>Carrier</translation>
    </message>
    <message>
        <location filename="../../ui/review_page.py" line="144"/>
        <source>Store</source>
        <translation>Store</translation>
    </message>
    <message>
        <location filename="../../ui/review_page.py" line="144"/>
        <source>Staff</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../../ui/review_page.py" line="144"/>
        <source>Week</source>
        <translation>Week</translation>
    </message>
    <message>
        <location filename="../../ui/review_page.py" line="145"/>
        <source>Month</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../ui/review_page.py" line="148"/>
        <source>Last 4 weeks</source>
        <translation>Last 4 weeks</translation>
    </message>
    <message>
        <location filename="../../ui/review_page.py" line="148"/>
        <source>This week</source>
        <translation>This week</translation>
    </message>
    <message>
        <location filename="../../ui/review_page.py" line="149"/>
        <source>Last week</source>
        <translation>Last week</translation>
    </message>
    <message>
        <location filename="../../ui/review_page.py" line="149"/>
        <source>This month</source>
        <translation>This month</translation>
    </message>
    <message>
        <location filename="../../ui/review_page.py" line="150"/>
        <source>All cases</source>
        <translation>All cases</translation>
    </message>
    <message>
        <location filename="../../ui/review_page.py" line="150"/>
        <source>Custom</source>
        <translation>Custom</translation>
    </message>
    <message>
        <location filename="../../ui/review_page.py" line="153"/>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/review_page.py" line="154"/>
        <source>Export weekly review…</source>
        <translation>Export weekly review…</translation>
    </message>
    <message>
        <location filename="../../ui/review_page.py" line="155"/>
        <source>Disputes and decisions (click a bar to list its cases)</source>
        <translation>Disputes and decisions (click a bar to list its cases)</translation>
    </message>
    <message>
        <location filename="../../ui/review_page.py" line="156"/>
        <source>Clocks kept: on-time rate</source>
        <translation>Clocks kept: on-time rate</translation>
    </message>
    <message>
        <location filename="../../ui/review_page.py" line="157"/>
        <source>Win rate by the evidence kinds a submission held</source>
        <translation>Win rate by the evidence kinds a submission held</translation>
    </message>
    <message>
        <location filename="../../ui/review_page.py" line="158"/>
        <source>Frequent words in buyer messages</source>
        <translation>Frequent words in buyer messages</translation>
    </message>
    <message>
        <location filename="../../ui/review_page.py" line="240"/>
        <source>Counting…</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <location filename="../../ui/review_page.py" line="256"/>
        <source>Could not count.</source>
        <translation>Could not count.</translation>
    </message>
    <message>
        <location filename="../../ui/review_page.py" line="268"/>
        <source>%1 cases</source>
        <translation>%1 cases</translation>
    </message>
    <message>
        <location filename="../../ui/review_page.py" line="300"/>
        <source>Save weekly review as</source>
        <translation>Save weekly review as</translation>
    </message>
    <message>
        <location filename="../../ui/review_page.py" line="306"/>
        <source>Writing the report…</source>
        <translation>Writing the report…</translation>
    </message>
    <message>
        <location filename="../../ui/review_page.py" line="314"/>
        <source>Wrote %1</source>
        <translation>Wrote %1</translation>
    </message>
    <message>
        <location filename="../../ui/review_page.py" line="317"/>
        <source>The report was not written.</source>
        <translation>The report was not written.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="36"/>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="48"/>
        <source>This computer&apos;s zone</source>
        <translation>This computer&apos;s zone</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="56"/>
        <source>e.g. 小美家居旗舰店, 客服小王</source>
        <translation>e.g. 小美家居旗舰店, 客服小王</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="57"/>
        <source>Mask buyer phone numbers and names in bundles</source>
        <translation>Mask buyer phone numbers and names in bundles</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="71"/>
        <source>Notify me when a case becomes due soon or critical</source>
        <translation>Notify me when a case becomes due soon or critical</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="75"/>
        <source>e.g. http://timestamp.example.com/tsr (empty: none)</source>
        <translation>e.g. http://timestamp.example.com/tsr (empty: none)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="77"/>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="84"/>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="85"/>
        <source>My name (staff)</source>
        <translation>My name (staff)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="86"/>
        <source>Display time zone</source>
        <translation>Display time zone</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="87"/>
        <source>Store-side chat names</source>
        <translation>Store-side chat names</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="89"/>
        <source>Default platform</source>
        <translation>Default platform</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="90"/>
        <source>Default export profile</source>
        <translation>Default export profile</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="92"/>
        <source>Timestamp server (RFC 3161)</source>
        <translation>Timestamp server (RFC 3161)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="93"/>
        <location filename="../../ui/settings_dialog.py" line="107"/>
        <source>Library folder</source>
        <translation>Library folder</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="94"/>
        <source>A new library folder is used after restarting the app.</source>
        <translation>A new library folder is used after restarting the app.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../ui/help_dialogs.py" line="66"/>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialogs.py" line="71"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialogs.py" line="71"/>
        <source>Shortcut</source>
        <translation>Shortcut</translation>
    </message>
</context>
<context>
    <name>StatementEditor</name>
    <message>
        <location filename="../../ui/statement_editor.py" line="74"/>
        <source>Use template</source>
        <translation>Use template</translation>
    </message>
    <message>
        <location filename="../../ui/statement_editor.py" line="77"/>
        <source>Template</source>
        <translation>Template</translation>
    </message>
    <message>
        <location filename="../../ui/statement_editor.py" line="85"/>
        <source>Describe what happened, in order, with times and exhibit numbers (E1, E2…). Keep to facts; avoid emotional wording.</source>
        <translation>Describe what happened, in order, with times and exhibit numbers (E1, E2…). Keep to facts; avoid emotional wording.</translation>
    </message>
    <message>
        <location filename="../../ui/statement_editor.py" line="96"/>
        <source>Merchant&apos;s statement</source>
        <translation>Merchant&apos;s statement</translation>
    </message>
    <message>
        <location filename="../../ui/statement_editor.py" line="123"/>
        <source>Add point</source>
        <translation>Add point</translation>
    </message>
    <message>
        <location filename="../../ui/statement_editor.py" line="124"/>
        <source>Remove point</source>
        <translation>Remove point</translation>
    </message>
    <message>
        <location filename="../../ui/statement_editor.py" line="127"/>
        <source>Appeal points: where the judgment&apos;s basis differs from the facts</source>
        <translation>Appeal points: where the judgment&apos;s basis differs from the facts</translation>
    </message>
    <message>
        <location filename="../../ui/statement_editor.py" line="138"/>
        <source>Exhibits: double-click the cell (or press Enter on it) to tick them; click a number to see that exhibit.</source>
        <translation>Exhibits: double-click the cell (or press Enter on it) to tick them; click a number to see that exhibit.</translation>
    </message>
    <message>
        <location filename="../../ui/statement_editor.py" line="188"/>
        <source>(no judgment text yet: paste it on the Facts tab)</source>
        <translation>(no judgment text yet: paste it on the Facts tab)</translation>
    </message>
    <message>
        <location filename="../../ui/statement_editor.py" line="189"/>
        <source>Judgment %1: %2</source>
        <translation>Judgment %1: %2</translation>
    </message>
</context>
<context>
    <name>TeamPassword</name>
    <message>
        <location filename="../../ui/team_password.py" line="19"/>
        <source>Team library</source>
        <translation>Team library</translation>
    </message>
    <message>
        <location filename="../../ui/team_password.py" line="20"/>
        <source>Password for %1
(kept only until the app closes):</source>
        <translation>Password for %1
(kept only until the app closes):</translation>
    </message>
</context>
<context>
    <name>TracePreview</name>
    <message>
        <location filename="../../ui/preview/trace_view.py" line="67"/>
        <source>Unmark row #%1 as key</source>
        <translation>Unmark row #%1 as key</translation>
    </message>
    <message>
        <location filename="../../ui/preview/trace_view.py" line="69"/>
        <source>Mark row #%1 as key</source>
        <translation>Mark row #%1 as key</translation>
    </message>
</context>
<context>
    <name>TrashDialog</name>
    <message>
        <location filename="../../ui/trash_dialog.py" line="62"/>
        <source>Trash</source>
        <translation>Trash</translation>
    </message>
    <message>
        <location filename="../../ui/trash_dialog.py" line="63"/>
        <source>Cases moved to the trash keep their evidence and history. Restore a case to put it back in the case list.</source>
        <translation>Cases moved to the trash keep their evidence and history. Restore a case to put it back in the case list.</translation>
    </message>
    <message>
        <location filename="../../ui/trash_dialog.py" line="65"/>
        <source>The trash is empty.</source>
        <translation>The trash is empty.</translation>
    </message>
    <message>
        <location filename="../../ui/trash_dialog.py" line="66"/>
        <source>&amp;Restore</source>
        <translation>&amp;Restore</translation>
    </message>
    <message>
        <location filename="../../ui/trash_dialog.py" line="67"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>TrashModel</name>
    <message>
        <location filename="../../ui/models/trash_model.py" line="16"/>
        <source>Case</source>
        <translation>Case</translation>
    </message>
    <message>
        <location filename="../../ui/models/trash_model.py" line="17"/>
        <source>Order no.</source>
        <translation>Order no.</translation>
    </message>
    <message>
        <location filename="../../ui/models/trash_model.py" line="18"/>
        <source>Platform</source>
        <translation>Platform</translation>
    </message>
    <message>
        <location filename="../../ui/models/trash_model.py" line="19"/>
        <source>Dispute type</source>
        <translation>Dispute type</translation>
    </message>
    <message>
        <location filename="../../ui/models/trash_model.py" line="20"/>
        <source>Buyer</source>
        <translation>Buyer</translation>
    </message>
    <message>
        <location filename="../../ui/models/trash_model.py" line="21"/>
        <source>Moved to trash</source>
        <translation>Moved to trash</translation>
    </message>
</context>
<context>
    <name>Undo</name>
    <message>
        <location filename="../../ui/undo.py" line="34"/>
        <source>Remove exhibits</source>
        <translation>Remove exhibits</translation>
    </message>
    <message>
        <location filename="../../ui/undo.py" line="48"/>
        <source>Edit exhibit</source>
        <translation>Edit exhibit</translation>
    </message>
    <message>
        <location filename="../../ui/undo.py" line="67"/>
        <source>Edit exhibits</source>
        <translation>Edit exhibits</translation>
    </message>
    <message>
        <location filename="../../ui/undo.py" line="83"/>
        <source>Reorder exhibits</source>
        <translation>Reorder exhibits</translation>
    </message>
    <message>
        <location filename="../../ui/undo.py" line="112"/>
        <source>Edit case facts</source>
        <translation>Edit case facts</translation>
    </message>
</context>
<context>
    <name>UserGuideDialog</name>
    <message>
        <location filename="../../ui/help_dialogs.py" line="27"/>
        <source>User guide</source>
        <translation>User guide</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialogs.py" line="31"/>
        <source>&lt;b&gt;New case&lt;/b&gt; (Ctrl+N): pick the platform and the dispute type, type the order number, and give the instant the clock counts from (for example when the platform stepped in).</source>
        <translation>&lt;b&gt;New case&lt;/b&gt; (Ctrl+N): pick the platform and the dispute type, type the order number, and give the instant the clock counts from (for example when the platform stepped in).</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialogs.py" line="34"/>
        <source>&lt;b&gt;Add evidence&lt;/b&gt;: drop files or whole folders on the evidence list, or press Ctrl+O. Chat logs, courier traces, PDFs, photos and videos are read and given a kind; a kind guessed from the file name is marked as guessed. A file the case already holds is pointed out before it is added twice.</source>
        <translation>&lt;b&gt;Add evidence&lt;/b&gt;: drop files or whole folders on the evidence list, or press Ctrl+O. Chat logs, courier traces, PDFs, photos and videos are read and given a kind; a kind guessed from the file name is marked as guessed. A file the case already holds is pointed out before it is added twice.</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialogs.py" line="38"/>
        <source>&lt;b&gt;Fix kinds in one go&lt;/b&gt;: select several exhibits, right-click, and set their kind, a caption prefix or the new-evidence mark. Ctrl+Z undoes the whole change.</source>
        <translation>&lt;b&gt;Fix kinds in one go&lt;/b&gt;: select several exhibits, right-click, and set their kind, a caption prefix or the new-evidence mark. Ctrl+Z undoes the whole change.</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialogs.py" line="41"/>
        <source>&lt;b&gt;Watch the checklist and the clock&lt;/b&gt; on the right: ✗ items are missing (click to add that kind of file), the banner counts down to the deadline.</source>
        <translation>&lt;b&gt;Watch the checklist and the clock&lt;/b&gt; on the right: ✗ items are missing (click to add that kind of file), the banner counts down to the deadline.</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialogs.py" line="43"/>
        <source>&lt;b&gt;Write the statement&lt;/b&gt;: use a template, keep to facts. For an appeal, add points and pick the exhibits that prove each one.</source>
        <translation>&lt;b&gt;Write the statement&lt;/b&gt;: use a template, keep to facts. For an appeal, add points and pick the exhibits that prove each one.</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialogs.py" line="45"/>
        <source>&lt;b&gt;Export&lt;/b&gt; (Ctrl+E) one PDF bundle, check it in the preview, and upload it. The History tab keeps what was done and what was submitted.</source>
        <translation>&lt;b&gt;Export&lt;/b&gt; (Ctrl+E) one PDF bundle, check it in the preview, and upload it. The History tab keeps what was done and what was submitted.</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialogs.py" line="49"/>
        <source>A case from start to bundle</source>
        <translation>A case from start to bundle</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialogs.py" line="50"/>
        <source>Help ▸ Keyboard shortcuts lists every shortcut.</source>
        <translation>Help ▸ Keyboard shortcuts lists every shortcut.</translation>
    </message>
</context>
<context>
    <name>VideoPreview</name>
    <message>
        <location filename="../../ui/preview/video_view.py" line="68"/>
        <source>Length</source>
        <translation>Length</translation>
    </message>
    <message>
        <location filename="../../ui/preview/video_view.py" line="69"/>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../ui/preview/video_view.py" line="75"/>
        <source>Keyframes from the video. The bundle shows them with the video&apos;s name, length and SHA-256.</source>
        <translation>Keyframes from the video. The bundle shows them with the video&apos;s name, length and SHA-256.</translation>
    </message>
    <message>
        <location filename="../../ui/preview/video_view.py" line="78"/>
        <source>The frames of this video could not be read. The bundle will list it (name, length, size, SHA-256) but not show it.</source>
        <translation>The frames of this video could not be read. The bundle will list it (name, length, size, SHA-256) but not show it.</translation>
    </message>
    <message>
        <location filename="../../ui/preview/video_view.py" line="81"/>
        <source>No video decoder is installed, so no frames are shown. The bundle will list this video (name, length, size, SHA-256) but not show it.</source>
        <translation>No video decoder is installed, so no frames are shown. The bundle will list this video (name, length, size, SHA-256) but not show it.</translation>
    </message>
</context>
<context>
    <name>WordScope</name>
    <message>
        <location filename="../../ui/review_words.py" line="26"/>
        <source>All cases</source>
        <translation>All cases</translation>
    </message>
    <message>
        <location filename="../../ui/review_words.py" line="32"/>
        <source>Undecided</source>
        <translation>Undecided</translation>
    </message>
    <message>
        <location filename="../../ui/review_words.py" line="34"/>
        <source>Decision: %1</source>
        <translation>Decision: %1</translation>
    </message>
</context>
<context>
    <name>WorklogPanel</name>
    <message>
        <location filename="../../ui/worklog_panel.py" line="44"/>
        <source>Each after-sales step with its time, as the platform will read it (e.g. 9:10 buyer reported → 9:15 contacted the buyer). It goes into the bundle sent to the platform.</source>
        <translation>Each after-sales step with its time, as the platform will read it (e.g. 9:10 buyer reported → 9:15 contacted the buyer). It goes into the bundle sent to the platform.</translation>
    </message>
    <message>
        <location filename="../../ui/worklog_panel.py" line="65"/>
        <source>Add step</source>
        <translation>Add step</translation>
    </message>
    <message>
        <location filename="../../ui/worklog_panel.py" line="68"/>
        <source>Remove step</source>
        <translation>Remove step</translation>
    </message>
    <message>
        <location filename="../../ui/worklog_panel.py" line="91"/>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/worklog_panel.py" line="91"/>
        <source>Step</source>
        <translation>Step</translation>
    </message>
    <message>
        <location filename="../../ui/worklog_panel.py" line="92"/>
        <source>What was done, e.g. called the buyer and offered an exchange</source>
        <translation>What was done, e.g. called the buyer and offered an exchange</translation>
    </message>
</context>
</TS>
