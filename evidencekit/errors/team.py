"""A team library on PostgreSQL (issue 13): its address, reaching it, and what its roles allow."""

from __future__ import annotations

from .general import UsageError
from .store import StoreError


class BadDatabaseUrl(UsageError):
    code = "bad_database_url"
    MESSAGE = ("无法识别的数据库地址：{url}", "Not a database address EvidenceKit can use: {url}")
    HINT = ("格式：postgresql://用户名@服务器:5432/数据库名（可加 ?sslmode=verify-full）。",
            "Use postgresql://user@server:5432/database (optionally ?sslmode=verify-full).")


class TeamDatabaseUnreachable(StoreError):
    code = "team_database_unreachable"
    MESSAGE = ("无法连接团队资料库 {url}：{reason}", "Cannot connect to the team library {url}: {reason}")
    HINT = ("请检查服务器地址、用户名和密码（密码可写在 ~/.pgpass 或服务文件中）。",
            "Check the server address, user name and password (a password may be kept in ~/.pgpass "
            "or a service file).")


class ReviewerCannotWrite(StoreError):
    code = "reviewer_cannot_write"
    MESSAGE = ("您在团队资料库 {url} 中是只读的审阅者，不能修改案件。",
               "You are a read-only reviewer in the team library {url}; cases cannot be changed.")
    HINT = ("查看类命令仍可使用；如需修改，请让资料库管理员把您加入员工角色（{staff}）。",
            "Read commands still work; to make changes, ask the library's owner to add you to the staff "
            "role ({staff}).")


class TeamUpgradeNeedsOwner(StoreError):
    code = "team_upgrade_needs_owner"
    MESSAGE = ("团队资料库 {url} 需要升级，只有资料库所有者才能升级。",
               "The team library {url} needs an upgrade, which only its owner can run.")
    HINT = ("请资料库所有者先用 pg_dump 备份，再用新版本运行一次 evidencekit init --db。",
            "Ask the library's owner to back it up with pg_dump, then run 'evidencekit init --db' "
            "once with this version.")


class TeamBackupUsePgDump(UsageError):
    code = "team_backup_use_pg_dump"
    MESSAGE = ("团队资料库保存在 PostgreSQL 中，EvidenceKit 不复制它：{url}",
               "A team library lives in PostgreSQL; EvidenceKit does not copy it: {url}")
    HINT = ("请在服务器上用 pg_dump 备份，例如：pg_dump -Fc -f evidencekit.dump {database}",
            "Back it up on the server with pg_dump, e.g.: pg_dump -Fc -f evidencekit.dump {database}")


class PasswordNotSaved(UsageError):
    code = "password_not_saved"
    MESSAGE = ("地址中的密码不会被保存：{url}", "The password in the address is not saved: {url}")
    HINT = ("EvidenceKit 不会把密码写入文件；请把它放在 ~/.pgpass 中，或在连接时输入。",
            "EvidenceKit never writes a password to a file; keep it in ~/.pgpass, or type it when asked.")


class TeamRolesMissing(StoreError):
    code = "team_roles_missing"
    MESSAGE = ("团队资料库缺少角色 {staff} 和 {reviewer}，且当前用户无权创建角色。",
               "The team library's roles {staff} and {reviewer} are missing, and this user may not "
               "create roles.")
    HINT = ("请数据库管理员执行：CREATE ROLE {staff} NOLOGIN; CREATE ROLE {reviewer} NOLOGIN; "
            "然后再运行一次 evidencekit init --db。",
            "Ask the database administrator to run: CREATE ROLE {staff} NOLOGIN; CREATE ROLE {reviewer} "
            "NOLOGIN; then run 'evidencekit init --db' again.")


class FolderHoldsLocalLibrary(UsageError):
    code = "folder_holds_local_library"
    MESSAGE = ("文件夹 {root} 中已有本地资料库，不能把它指向团队资料库（本地案件会被隐藏）。",
               "The folder {root} holds a local library; it cannot be pointed at a team library "
               "(its cases would be hidden).")
    HINT = ("请用 --library 指定另一个文件夹；要把本地案件复制到团队资料库，请用 evidencekit library migrate --to。",
            "Give another folder with --library; to copy the local cases into the team library, use "
            "'evidencekit library migrate --to'.")
