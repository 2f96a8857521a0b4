<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AppealPointsModel</name>
    <message>
        <location filename="../../ui/models/points_model.py" line="16"/>
        <source>Judgment basis</source>
        <translation>判定依据</translation>
    </message>
    <message>
        <location filename="../../ui/models/points_model.py" line="17"/>
        <source>Fact</source>
        <translation>事实</translation>
    </message>
    <message>
        <location filename="../../ui/models/points_model.py" line="18"/>
        <source>Exhibits</source>
        <translation>证据</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <location filename="../../ui/assign_dialog.py" line="21"/>
        <source>Assign case</source>
        <translation>分配案件</translation>
    </message>
    <message>
        <location filename="../../ui/assign_dialog.py" line="26"/>
        <source>(nobody)</source>
        <translation>（无人）</translation>
    </message>
    <message>
        <location filename="../../ui/assign_dialog.py" line="39"/>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../ui/assign_dialog.py" line="40"/>
        <source>Assignee</source>
        <translation>负责人</translation>
    </message>
</context>
<context>
    <name>BundlePreviewDialog</name>
    <message>
        <location filename="../../ui/export_dialog.py" line="86"/>
        <source>Bundle preview — %1</source>
        <translation>证据包预览 — %1</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="88"/>
        <source>%1 pages · %2 MB</source>
        <translation>%1 页 · %2 MB</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="90"/>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="91"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>CaseEdits</name>
    <message>
        <location filename="../../ui/case_edits.py" line="80"/>
        <source>Case changed</source>
        <translation>案件已被修改</translation>
    </message>
    <message>
        <location filename="../../ui/case_edits.py" line="84"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
</context>
<context>
    <name>CaseListCheck</name>
    <message>
        <location filename="../../ui/case_list_check.py" line="48"/>
        <location filename="../../ui/case_list_check.py" line="121"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_check.py" line="123"/>
        <source>Updating the case list %1/%2 (rows shown may be out of date)</source>
        <translation>正在更新案件清单 %1/%2（显示的行可能尚未更新）</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_check.py" line="142"/>
        <source>The case list could not be updated: %1</source>
        <translation>案件清单未能更新：%1</translation>
    </message>
</context>
<context>
    <name>CaseListModel</name>
    <message>
        <location filename="../../ui/models/case_list_model.py" line="49"/>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../ui/models/case_list_model.py" line="50"/>
        <source>Order no.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location filename="../../ui/models/case_list_model.py" line="51"/>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../ui/models/case_list_model.py" line="52"/>
        <source>Dispute type</source>
        <translation>纠纷类型</translation>
    </message>
    <message>
        <location filename="../../ui/models/case_list_model.py" line="53"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../ui/models/case_list_model.py" line="54"/>
        <source>Deadline</source>
        <translation>时限</translation>
    </message>
    <message>
        <location filename="../../ui/models/case_list_model.py" line="55"/>
        <source>Checklist</source>
        <translation>清单</translation>
    </message>
    <message>
        <location filename="../../ui/models/case_list_model.py" line="56"/>
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <location filename="../../ui/models/case_list_model.py" line="57"/>
        <source>Last change</source>
        <translation>最后修改</translation>
    </message>
    <message>
        <location filename="../../ui/models/case_list_model.py" line="58"/>
        <source>Still missing</source>
        <translation>还差</translation>
    </message>
</context>
<context>
    <name>CaseListPage</name>
    <message>
        <location filename="../../ui/case_list_page.py" line="79"/>
        <source>Search order no., buyer, phone, product…</source>
        <translation>搜索订单号、买家、电话、商品…</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_page.py" line="83"/>
        <source>All stages</source>
        <translation>全部阶段</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_page.py" line="89"/>
        <source>All platforms</source>
        <translation>全部平台</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_page.py" line="98"/>
        <source>My cases</source>
        <translation>我的案件</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_page.py" line="144"/>
        <source>Show all cases</source>
        <translation>显示全部案件</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_page.py" line="175"/>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_page.py" line="175"/>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_page.py" line="175"/>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_page.py" line="276"/>
        <source>Searching inside evidence…</source>
        <translation>正在搜索证据内容…</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_page.py" line="303"/>
        <source>No matches inside evidence.</source>
        <translation>证据内容中没有找到。</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_page.py" line="305"/>
        <source>Inside evidence: the first %1 matches (add a word to narrow)</source>
        <translation>证据内容中：前 %1 条匹配（再加一个词可缩小范围）</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_page.py" line="308"/>
        <source>Inside evidence: %1 match(es); Enter or double-click opens one</source>
        <translation>证据内容中：%1 条匹配；回车或双击打开</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_page.py" line="312"/>
        <source>the search index is %1 item(s) behind, so matches may be missing (a staff member&apos;s desktop brings it up to date)</source>
        <translation>搜索索引还有 %1 项未更新，结果可能不全（由员工的电脑更新）</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_page.py" line="354"/>
        <source>From the review: %1 (%2 cases)</source>
        <translation>复盘筛选：%1（%2 件）</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_page.py" line="377"/>
        <source>All (%1)</source>
        <translation>全部 (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_page.py" line="395"/>
        <source>Nothing due within %1 h.</source>
        <translation>%1 小时内没有到期的时限。</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_page.py" line="423"/>
        <source>Updating the case list…</source>
        <translation>正在更新案件清单…</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_page.py" line="426"/>
        <source>No cases in the list.</source>
        <translation>列表里没有案件。</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_page.py" line="427"/>
        <source>Cases in the trash: %1.</source>
        <translation>回收站里有 %1 个案件。</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_page.py" line="428"/>
        <source>Open the trash</source>
        <translation>打开回收站</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_page.py" line="430"/>
        <source>No cases yet.</source>
        <translation>还没有案件。</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_page.py" line="431"/>
        <source>Press Ctrl+N to open the first one,</source>
        <translation>按 Ctrl+N 新建第一个案件，</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_page.py" line="432"/>
        <source>then drop its chat logs, traces and photos on it.</source>
        <translation>然后把聊天记录、物流轨迹和照片拖进来。</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_page.py" line="329"/>
        <source>All dispute types</source>
        <translation>全部纠纷类型</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_page.py" line="399"/>
        <source>Due within %1 h: %2 case(s), %3 overdue. First: %4 %5 (%6).</source>
        <translation>%1 小时内到期：%2 个案件，其中 %3 个已超时。最早：%4 %5（%6）。</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_page.py" line="413"/>
        <source>%1 of %2 cases</source>
        <translation>显示 %1 / 共 %2 个案件</translation>
    </message>
</context>
<context>
    <name>CaseView</name>
    <message>
        <location filename="../../ui/case_view.py" line="57"/>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="58"/>
        <source>Facts</source>
        <translation>案件信息</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="59"/>
        <source>Statement</source>
        <translation>陈述</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="61"/>
        <source>History</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="63"/>
        <source>Work-order log</source>
        <translation>售后工单</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="179"/>
        <source>Order %1</source>
        <translation>订单 %1</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="181"/>
        <source>handed over from %1</source>
        <translation>转交自 %1</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="183"/>
        <source>assigned to %1</source>
        <translation>负责人 %1</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="205"/>
        <source>Closed case: read-only. Reopen it to attach, edit or export for the platform.</source>
        <translation>已结案：只读。如需添加证据、修改或导出给平台，请先重新打开。</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="206"/>
        <source>Reopen…</source>
        <translation>重新打开…</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="237"/>
        <source>Being edited by %1</source>
        <translation>正在由 %1 编辑</translation>
    </message>
</context>
<context>
    <name>ChatPreview</name>
    <message>
        <location filename="../../ui/preview/chat_view.py" line="62"/>
        <source>Key</source>
        <translation>要点</translation>
    </message>
    <message>
        <location filename="../../ui/preview/chat_view.py" line="118"/>
        <source>Unmark message #%1 as key</source>
        <translation>取消要点：第 %1 条消息</translation>
    </message>
    <message>
        <location filename="../../ui/preview/chat_view.py" line="120"/>
        <source>Mark message #%1 as key</source>
        <translation>标为要点：第 %1 条消息</translation>
    </message>
</context>
<context>
    <name>ChecklistPanel</name>
    <message>
        <location filename="../../ui/checklist_panel.py" line="44"/>
        <source>Click a missing item to add that evidence; click a met item to see its exhibits.</source>
        <translation>点击缺少的项目即可添加该类证据；点击已满足的项目可查看对应证据。</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_panel.py" line="67"/>
        <source>Checklist %1/%2</source>
        <translation>证据清单 %1/%2</translation>
    </message>
</context>
<context>
    <name>DeadlineBanner</name>
    <message>
        <location filename="../../ui/deadline_banner.py" line="27"/>
        <source>No clock is running for this case.</source>
        <translation>本案件当前没有进行中的时限。</translation>
    </message>
    <message>
        <location filename="../../ui/deadline_banner.py" line="84"/>
        <source>Due %1</source>
        <translation>截止 %1</translation>
    </message>
    <message>
        <location filename="../../ui/deadline_banner.py" line="94"/>
        <source>late by %1</source>
        <translation>迟了 %1</translation>
    </message>
    <message>
        <location filename="../../ui/deadline_banner.py" line="96"/>
        <source>met</source>
        <translation>按时完成</translation>
    </message>
    <message>
        <location filename="../../ui/deadline_banner.py" line="100"/>
        <source>Stopped %1</source>
        <translation>停止于 %1</translation>
    </message>
    <message>
        <location filename="../../ui/deadline_banner.py" line="56"/>
        <source>Appeals left: %1</source>
        <translation>剩余申诉次数：%1</translation>
    </message>
    <message>
        <location filename="../../ui/deadline_banner.py" line="59"/>
        <source>this is the last one: add every piece of new evidence</source>
        <translation>这是最后一次机会，请补齐全部新证据</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <location filename="../../ui/submission_dialogs.py" line="116"/>
        <source>Record the platform&apos;s decision</source>
        <translation>记录平台判定</translation>
    </message>
    <message>
        <location filename="../../ui/submission_dialogs.py" line="129"/>
        <source>Decision</source>
        <translation>判定结果</translation>
    </message>
    <message>
        <location filename="../../ui/submission_dialogs.py" line="130"/>
        <source>Decided at</source>
        <translation>判定时间</translation>
    </message>
    <message>
        <location filename="../../ui/submission_dialogs.py" line="131"/>
        <source>Refund amount</source>
        <translation>退款金额</translation>
    </message>
    <message>
        <location filename="../../ui/submission_dialogs.py" line="132"/>
        <source>Platform reference</source>
        <translation>平台单号</translation>
    </message>
</context>
<context>
    <name>ErrorPresenter</name>
    <message>
        <location filename="../../ui/errors.py" line="27"/>
        <source>Unexpected error (%1).</source>
        <translation>意外错误（%1）。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="49"/>
        <source>EvidenceKit</source>
        <translation>EvidenceKit</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="54"/>
        <source>Something went wrong that EvidenceKit did not expect. Your library was not changed by this error.</source>
        <translation>EvidenceKit 遇到了意外问题。这个错误没有改动你的资料库。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="56"/>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="58"/>
        <source>Please copy the details and send them to support.</source>
        <translation>请复制详细信息并发送给技术支持。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="59"/>
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
</context>
<context>
    <name>EvidencePanel</name>
    <message>
        <location filename="../../ui/evidence_panel.py" line="147"/>
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_panel.py" line="148"/>
        <source>Add folder…</source>
        <translation>添加文件夹…</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_panel.py" line="149"/>
        <location filename="../../ui/evidence_panel.py" line="486"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_panel.py" line="150"/>
        <source>Clear refused files</source>
        <translation>清除未添加的文件</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_panel.py" line="151"/>
        <location filename="../../ui/evidence_panel.py" line="261"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_panel.py" line="261"/>
        <source>List</source>
        <translation>列表</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_panel.py" line="297"/>
        <source>Add evidence</source>
        <translation>添加证据</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_panel.py" line="298"/>
        <source>Add evidence: %1</source>
        <translation>添加证据：%1</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_panel.py" line="303"/>
        <source>Add a folder of evidence</source>
        <translation>添加证据文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_panel.py" line="428"/>
        <source>Mark as new evidence</source>
        <translation>标记为新证据</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_panel.py" line="434"/>
        <location filename="../../ui/evidence_panel.py" line="484"/>
        <source>Use the computed new-evidence mark</source>
        <translation>使用自动计算的新证据标记</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_panel.py" line="445"/>
        <location filename="../../ui/evidence_panel.py" line="473"/>
        <source>Set kind</source>
        <translation>设置类型</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_panel.py" line="454"/>
        <location filename="../../ui/evidence_panel.py" line="461"/>
        <source>Caption prefix</source>
        <translation>说明前缀</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_panel.py" line="462"/>
        <source>Text to put before the caption of the %1 selected exhibit(s):</source>
        <translation>加在所选 %1 条证据说明前面的文字：</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_panel.py" line="481"/>
        <source>Caption prefix…</source>
        <translation>添加说明前缀…</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_panel.py" line="482"/>
        <source>Mark as new evidence / not new</source>
        <translation>标记为新证据 / 取消标记</translation>
    </message>
</context>
<context>
    <name>ExhibitLinksDelegate</name>
    <message>
        <location filename="../../ui/exhibit_picker.py" line="147"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
</context>
<context>
    <name>ExhibitListModel</name>
    <message>
        <location filename="../../ui/models/exhibit_model.py" line="33"/>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../ui/models/exhibit_model.py" line="34"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/models/exhibit_model.py" line="35"/>
        <source>Caption</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../ui/models/exhibit_model.py" line="36"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../ui/models/exhibit_model.py" line="37"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/models/exhibit_model.py" line="38"/>
        <source>Warnings</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../ui/models/exhibit_model.py" line="224"/>
        <source>%1 (guessed)</source>
        <translation>%1（推测）</translation>
    </message>
    <message>
        <location filename="../../ui/models/exhibit_model.py" line="237"/>
        <source>Guessed from the folder name (“%1”): check it</source>
        <translation>按文件夹名（“%1”）推测的类型，请核对</translation>
    </message>
    <message>
        <location filename="../../ui/models/exhibit_model.py" line="239"/>
        <source>Guessed from the file name (“%1”): check it</source>
        <translation>按文件名（“%1”）推测的类型，请核对</translation>
    </message>
    <message>
        <location filename="../../ui/models/exhibit_model.py" line="272"/>
        <source>Adding…</source>
        <translation>正在添加…</translation>
    </message>
</context>
<context>
    <name>ExhibitPicker</name>
    <message>
        <location filename="../../ui/exhibit_picker.py" line="41"/>
        <source>Exhibits for this point</source>
        <translation>这一条的证据</translation>
    </message>
    <message>
        <location filename="../../ui/exhibit_picker.py" line="44"/>
        <source>Type E5, a kind or words of a caption…</source>
        <translation>输入 E5、证据类型或说明中的文字…</translation>
    </message>
    <message>
        <location filename="../../ui/exhibit_picker.py" line="59"/>
        <source>Enter ticks the first match; Space ticks the selected one.</source>
        <translation>回车勾选第一个匹配项；空格勾选当前选中项。</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../ui/export_dialog.py" line="205"/>
        <source>Export bundle — %1</source>
        <translation>导出证据包 — %1</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="209"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="214"/>
        <source>Mask buyer phone numbers and names</source>
        <translation>隐藏买家电话和姓名</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="206"/>
        <source>Mode</source>
        <translation>用途</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="207"/>
        <source>Profile</source>
        <translation>导出规格</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="208"/>
        <source>Save as</source>
        <translation>保存为</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="210"/>
        <source>Copy for</source>
        <translation>用途</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="211"/>
        <source>The platform (to submit: buyer data masked, no internal notes)</source>
        <translation>平台版（提交平台：遮挡买家信息，不含内部记录）</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="213"/>
        <source>My records (everything: clocks, checks, edit log)</source>
        <translation>存档版（自己留存：含期限、核对说明与操作日志）</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="215"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="216"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="217"/>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="218"/>
        <source>Preview bundle</source>
        <translation>预览证据包</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="219"/>
        <source>Mark as submitted…</source>
        <translation>标记为已提交…</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="220"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="288"/>
        <source>Save bundle as</source>
        <translation>证据包保存为</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="306"/>
        <source>The platform may reject an incomplete bundle. Export anyway?</source>
        <translation>证据不全时平台可能不予采纳。仍要导出吗？</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="236"/>
        <source>Starting…</source>
        <translation>正在开始…</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="304"/>
        <source>This case is not ready for the platform:</source>
        <translation>此案件尚不适合提交平台：</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="307"/>
        <source>Not ready for the platform</source>
        <translation>尚未完整</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="312"/>
        <source>This file already exists:</source>
        <translation>这个文件已存在：</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="313"/>
        <source>Replace it? The old file stays as it is until the new bundle is complete.</source>
        <translation>要替换它吗？新的证据包完整写好之前，原文件保持不变。</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="314"/>
        <source>Replace the file?</source>
        <translation>替换文件？</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="373"/>
        <source>PDF password</source>
        <translation>PDF 密码</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="374"/>
        <source>E%1 (%2) is encrypted. Enter its password to include it:</source>
        <translation>E%1（%2）已加密，请输入密码以便放入证据包：</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="238"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="243"/>
        <source>Saved: %1</source>
        <translation>已保存：%1</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="249"/>
        <source>The export failed unexpectedly; nothing was saved.</source>
        <translation>导出意外失败，没有保存任何文件。</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="250"/>
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="240"/>
        <source>Export cancelled; nothing was saved.</source>
        <translation>已取消导出，没有保存任何文件。</translation>
    </message>
</context>
<context>
    <name>FactsForm</name>
    <message>
        <location filename="../../ui/facts_form.py" line="64"/>
        <source>Order no.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location filename="../../ui/facts_form.py" line="64"/>
        <source>After-sale no.</source>
        <translation>售后单号</translation>
    </message>
    <message>
        <location filename="../../ui/facts_form.py" line="65"/>
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <location filename="../../ui/facts_form.py" line="65"/>
        <source>Buyer phone</source>
        <translation>买家电话</translation>
    </message>
    <message>
        <location filename="../../ui/facts_form.py" line="66"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/facts_form.py" line="66"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/facts_form.py" line="67"/>
        <source>Store</source>
        <translation>店铺</translation>
    </message>
    <message>
        <location filename="../../ui/facts_form.py" line="67"/>
        <source>Judgment ref.</source>
        <translation>判定编号</translation>
    </message>
    <message>
        <location filename="../../ui/facts_form.py" line="68"/>
        <source>Merchant&apos;s request</source>
        <translation>诉求</translation>
    </message>
    <message>
        <location filename="../../ui/facts_form.py" line="69"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../ui/facts_form.py" line="78"/>
        <source>e.g. 请驳回买家退款申请</source>
        <translation>例如：请驳回买家退款申请</translation>
    </message>
    <message>
        <location filename="../../ui/facts_form.py" line="81"/>
        <source>Stage and clocks</source>
        <translation>阶段与时限</translation>
    </message>
    <message>
        <location filename="../../ui/facts_form.py" line="87"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../ui/facts_form.py" line="88"/>
        <source>After-sale request</source>
        <translation>售后申请时间</translation>
    </message>
    <message>
        <location filename="../../ui/facts_form.py" line="89"/>
        <source>Replied to the buyer</source>
        <translation>已回复买家</translation>
    </message>
    <message>
        <location filename="../../ui/facts_form.py" line="90"/>
        <source>Refund request handled</source>
        <translation>已处理退款申请</translation>
    </message>
    <message>
        <location filename="../../ui/facts_form.py" line="91"/>
        <source>Evidence submitted</source>
        <translation>已提交举证</translation>
    </message>
    <message>
        <location filename="../../ui/facts_form.py" line="92"/>
        <source>Supplement requested</source>
        <translation>平台要求补充举证</translation>
    </message>
    <message>
        <location filename="../../ui/facts_form.py" line="93"/>
        <source>Remedied after judgment</source>
        <translation>判定后已整改</translation>
    </message>
    <message>
        <location filename="../../ui/facts_form.py" line="94"/>
        <source>Appeal decided</source>
        <translation>申诉已判定</translation>
    </message>
    <message>
        <location filename="../../ui/facts_form.py" line="95"/>
        <source>Platform intervention</source>
        <translation>平台介入时间</translation>
    </message>
    <message>
        <location filename="../../ui/facts_form.py" line="96"/>
        <source>Shipped</source>
        <translation>发货时间</translation>
    </message>
    <message>
        <location filename="../../ui/facts_form.py" line="96"/>
        <source>Judgment</source>
        <translation>判定时间</translation>
    </message>
    <message>
        <location filename="../../ui/facts_form.py" line="97"/>
        <source>Appeal submitted</source>
        <translation>申诉提交时间</translation>
    </message>
    <message>
        <location filename="../../ui/facts_form.py" line="98"/>
        <source>Appeal rejected</source>
        <translation>申诉驳回时间</translation>
    </message>
    <message>
        <location filename="../../ui/facts_form.py" line="99"/>
        <source>Closed</source>
        <translation>结案时间</translation>
    </message>
    <message>
        <location filename="../../ui/facts_form.py" line="109"/>
        <source>Judgment and appeal</source>
        <translation>判定与申诉</translation>
    </message>
    <message>
        <location filename="../../ui/facts_form.py" line="112"/>
        <source>Judged against the merchant</source>
        <translation>判定商家责任</translation>
    </message>
    <message>
        <location filename="../../ui/facts_form.py" line="116"/>
        <source>Paste the platform&apos;s judgment text here</source>
        <translation>在此粘贴平台的判定内容</translation>
    </message>
    <message>
        <location filename="../../ui/facts_form.py" line="120"/>
        <source>Judgment text</source>
        <translation>判定内容</translation>
    </message>
    <message>
        <location filename="../../ui/facts_form.py" line="125"/>
        <source>Appeals used</source>
        <translation>已申诉次数</translation>
    </message>
    <message>
        <location filename="../../ui/facts_form.py" line="131"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../ui/facts_form.py" line="134"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <location filename="../../ui/handover_dialog.py" line="46"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="49"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="69"/>
        <source>Packing the case into %1…</source>
        <translation>正在把案件打包到 %1…</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="79"/>
        <source>Checking every hash in %1…</source>
        <translation>正在核对 %1 中每个文件的哈希…</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="87"/>
        <source>Backing up the library to %1…</source>
        <translation>正在把资料库备份到 %1…</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="104"/>
        <source>Restoring %1 into %2…</source>
        <translation>正在把 %1 恢复到 %2…</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="142"/>
        <source>Choose a new or empty folder: restoring never mixes two libraries.</source>
        <translation>请选择一个新的或空的文件夹：恢复不会把两个资料库混在一起。</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="149"/>
        <source>Cancelled: nothing was changed.</source>
        <translation>已取消：没有做任何改动。</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="162"/>
        <source>Restored into %1: %2 originals, every hash matches. To work in it, choose that folder as the library in Settings.</source>
        <translation>已恢复到 %1：原件 %2 个，全部哈希一致。要在其中工作，请在设置中把该文件夹选为资料库。</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="166"/>
        <source>Packed %1: %2 originals, %3 submitted files, %4 MB. The file holds unmasked buyer data: hand it only to your own team.</source>
        <translation>已打包 %1：%2 个原件，%3 个已提交文件，%4 MB。文件含未遮盖的买家信息，请只交给本店同事。</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="171"/>
        <source>Imported as %1 (was %2): %3 originals, %4 submissions; every hash matches.</source>
        <translation>已导入为 %1（原编号 %2）：%3 个原件，%4 次提交，哈希全部一致。</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="175"/>
        <source>Backed up: %1 originals, %2 copied this time (%3 MB), %4 already there.</source>
        <translation>备份完成：共 %1 个原件，本次复制 %2 个（%3 MB），已有 %4 个。</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <location filename="../../ui/history_view.py" line="113"/>
        <source>This case is closed: it is read-only.</source>
        <translation>此案件已结案，只读。</translation>
    </message>
    <message>
        <location filename="../../ui/history_view.py" line="122"/>
        <source>Submitted to the platform</source>
        <translation>已提交给平台</translation>
    </message>
    <message>
        <location filename="../../ui/history_view.py" line="148"/>
        <source>Draft exports</source>
        <translation>导出草稿</translation>
    </message>
    <message>
        <location filename="../../ui/history_view.py" line="121"/>
        <source>None yet.</source>
        <translation>暂无。</translation>
    </message>
    <message>
        <location filename="../../ui/history_view.py" line="115"/>
        <source>Reopen…</source>
        <translation>重新打开…</translation>
    </message>
    <message>
        <location filename="../../ui/history_view.py" line="121"/>
        <source>Action log</source>
        <translation>操作记录</translation>
    </message>
    <message>
        <location filename="../../ui/history_view.py" line="134"/>
        <source>Decision: %1 (%2)</source>
        <translation>判定：%1（%2）</translation>
    </message>
    <message>
        <location filename="../../ui/history_view.py" line="139"/>
        <source>Awaiting the platform&apos;s decision</source>
        <translation>等待平台判定</translation>
    </message>
    <message>
        <location filename="../../ui/history_view.py" line="141"/>
        <source>Open the submitted bundle</source>
        <translation>打开提交的证据包</translation>
    </message>
    <message>
        <location filename="../../ui/history_view.py" line="144"/>
        <source>Record decision…</source>
        <translation>记录判定…</translation>
    </message>
    <message>
        <location filename="../../ui/history_view.py" line="158"/>
        <source>Delete this record</source>
        <translation>删除此记录</translation>
    </message>
    <message>
        <location filename="../../ui/history_view.py" line="161"/>
        <source>Mark as submitted…</source>
        <translation>标记为已提交…</translation>
    </message>
    <message>
        <location filename="../../ui/history_view.py" line="166"/>
        <source>Newest first. Times are the platform&apos;s (%1).</source>
        <translation>最新的在前。时间按平台所在时区（%1）显示。</translation>
    </message>
    <message>
        <location filename="../../ui/history_view.py" line="205"/>
        <source>Forget this draft export? The files on disk are kept.</source>
        <translation>删除这条导出草稿记录？磁盘上的文件会保留。</translation>
    </message>
    <message>
        <location filename="../../ui/history_view.py" line="220"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/history_view.py" line="223"/>
        <source>Reopen the case</source>
        <translation>重新打开案件</translation>
    </message>
    <message>
        <location filename="../../ui/history_view.py" line="224"/>
        <source>Why is the case reopened? (kept in the action log)</source>
        <translation>为什么重新打开此案件？（记入操作记录）</translation>
    </message>
</context>
<context>
    <name>ImportBar</name>
    <message>
        <location filename="../../ui/import_bar.py" line="29"/>
        <source>Cancel import</source>
        <translation>取消添加</translation>
    </message>
    <message>
        <location filename="../../ui/import_bar.py" line="46"/>
        <source>Adding files: %1 of %2 done</source>
        <translation>正在添加文件：已完成 %1 / %2</translation>
    </message>
    <message>
        <location filename="../../ui/import_bar.py" line="51"/>
        <source>%1 of %2 files added.</source>
        <translation>已添加 %1 / %2 个文件。</translation>
    </message>
    <message>
        <location filename="../../ui/import_bar.py" line="53"/>
        <source>%1 file(s) could not be added.</source>
        <translation>%1 个文件未能添加。</translation>
    </message>
</context>
<context>
    <name>ImportListDialog</name>
    <message>
        <location filename="../../ui/import_list_dialog.py" line="160"/>
        <source>Import after-sale list</source>
        <translation>导入售后列表</translation>
    </message>
    <message>
        <location filename="../../ui/import_list_dialog.py" line="161"/>
        <location filename="../../ui/import_list_dialog.py" line="233"/>
        <source>After-sale list</source>
        <translation>售后列表</translation>
    </message>
    <message>
        <location filename="../../ui/import_list_dialog.py" line="162"/>
        <location filename="../../ui/import_list_dialog.py" line="240"/>
        <source>Mapping file</source>
        <translation>映射文件</translation>
    </message>
    <message>
        <location filename="../../ui/import_list_dialog.py" line="163"/>
        <source>Optional: for lists with other column names</source>
        <translation>可选：列名不同的表格用它指定列</translation>
    </message>
    <message>
        <location filename="../../ui/import_list_dialog.py" line="164"/>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../ui/import_list_dialog.py" line="165"/>
        <source>Store time zone</source>
        <translation>店铺时区</translation>
    </message>
    <message>
        <location filename="../../ui/import_list_dialog.py" line="167"/>
        <source>TikTok Shop: the store&apos;s market, e.g. America/New_York (Douyin: not needed)</source>
        <translation>TikTok Shop：店铺所在市场的时区，例如 America/New_York（抖店无需填写）</translation>
    </message>
    <message>
        <location filename="../../ui/import_list_dialog.py" line="168"/>
        <source>From the list (automatic)</source>
        <translation>按表格自动判断</translation>
    </message>
    <message>
        <location filename="../../ui/import_list_dialog.py" line="171"/>
        <location filename="../../ui/import_list_dialog.py" line="172"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../ui/import_list_dialog.py" line="173"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../ui/import_list_dialog.py" line="174"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../ui/import_list_dialog.py" line="175"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/import_list_dialog.py" line="176"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/import_list_dialog.py" line="177"/>
        <source>All rows</source>
        <translation>全部行</translation>
    </message>
    <message>
        <location filename="../../ui/import_list_dialog.py" line="177"/>
        <source>Errors only</source>
        <translation>只看错误</translation>
    </message>
    <message>
        <location filename="../../ui/import_list_dialog.py" line="178"/>
        <source>New and updated</source>
        <translation>新建和更新</translation>
    </message>
    <message>
        <location filename="../../ui/import_list_dialog.py" line="178"/>
        <source>Closed, not updated</source>
        <translation>已结案，未更新</translation>
    </message>
    <message>
        <location filename="../../ui/import_list_dialog.py" line="190"/>
        <source>built-in column names</source>
        <translation>内置列名</translation>
    </message>
    <message>
        <location filename="../../ui/import_list_dialog.py" line="192"/>
        <source>%1, times in %2, headers on row %3 (%4):</source>
        <translation>%1，时间按 %2 读取，表头在第 %3 行（%4）：</translation>
    </message>
    <message>
        <location filename="../../ui/import_list_dialog.py" line="197"/>
        <source>Would create %1 · update %2 · unchanged %3 · closed, not updated %4 · errors %5</source>
        <translation>将新建 %1 · 更新 %2 · 无变化 %3 · 已结案未更新 %4 · 错误 %5</translation>
    </message>
    <message>
        <location filename="../../ui/import_list_dialog.py" line="199"/>
        <source>Created %1 · updated %2 · unchanged %3 · closed, not updated %4 · errors %5</source>
        <translation>已新建 %1 · 已更新 %2 · 无变化 %3 · 已结案未更新 %4 · 错误 %5</translation>
    </message>
    <message>
        <location filename="../../ui/import_list_dialog.py" line="209"/>
        <source>Reading the list…</source>
        <translation>正在读取列表…</translation>
    </message>
    <message>
        <location filename="../../ui/import_list_dialog.py" line="211"/>
        <source>Nothing has been imported yet. Check the rows, then press Import.</source>
        <translation>尚未导入任何内容。核对各行后按“导入”。</translation>
    </message>
    <message>
        <location filename="../../ui/import_list_dialog.py" line="213"/>
        <source>Nothing to import: no row is new or changed.</source>
        <translation>没有需要导入的：没有新行，也没有变化的行。</translation>
    </message>
    <message>
        <location filename="../../ui/import_list_dialog.py" line="215"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../../ui/import_list_dialog.py" line="217"/>
        <source>Import cancelled; nothing was changed.</source>
        <translation>已取消导入，资料库没有任何改动。</translation>
    </message>
    <message>
        <location filename="../../ui/import_list_dialog.py" line="219"/>
        <source>Imported. The case list is up to date.</source>
        <translation>导入完成，案件列表已更新。</translation>
    </message>
    <message>
        <location filename="../../ui/import_list_dialog.py" line="221"/>
        <source>This platform&apos;s lists need the store&apos;s time zone: choose or type it in “Store time zone”, then press Preview. Nothing has been imported.</source>
        <translation>此平台的售后列表需要店铺时区：请在“店铺时区”中选择或输入，然后点“预览”。尚未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../ui/import_list_dialog.py" line="234"/>
        <source>Spreadsheets (*.xlsx *.xlsm *.csv)</source>
        <translation>表格 (*.xlsx *.xlsm *.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/import_list_dialog.py" line="241"/>
        <source>Mapping files (*.toml)</source>
        <translation>映射文件 (*.toml)</translation>
    </message>
</context>
<context>
    <name>ImportPreviewModel</name>
    <message>
        <location filename="../../ui/models/import_preview_model.py" line="17"/>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../ui/models/import_preview_model.py" line="18"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../ui/models/import_preview_model.py" line="19"/>
        <source>After-sale no.</source>
        <translation>售后单号</translation>
    </message>
    <message>
        <location filename="../../ui/models/import_preview_model.py" line="20"/>
        <source>Order no.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location filename="../../ui/models/import_preview_model.py" line="21"/>
        <source>Dispute type</source>
        <translation>纠纷类型</translation>
    </message>
    <message>
        <location filename="../../ui/models/import_preview_model.py" line="22"/>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../ui/models/import_preview_model.py" line="23"/>
        <source>Changes, errors and warnings</source>
        <translation>变化、错误和提示</translation>
    </message>
    <message>
        <location filename="../../ui/models/import_preview_model.py" line="24"/>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../../ui/models/import_preview_model.py" line="25"/>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../ui/models/import_preview_model.py" line="26"/>
        <source>Unchanged</source>
        <translation>无变化</translation>
    </message>
    <message>
        <location filename="../../ui/models/import_preview_model.py" line="27"/>
        <source>Closed, not updated</source>
        <translation>已结案，未更新</translation>
    </message>
    <message>
        <location filename="../../ui/models/import_preview_model.py" line="28"/>
        <source>Error</source>
        <translation>错误</translation>
    </message>
</context>
<context>
    <name>ImportPrompts</name>
    <message>
        <location filename="../../ui/import_prompts.py" line="20"/>
        <source>%1 (already E%2)</source>
        <translation>%1（已是 E%2）</translation>
    </message>
    <message>
        <location filename="../../ui/import_prompts.py" line="25"/>
        <source>… and %1 more</source>
        <translation>…… 另有 %1 个</translation>
    </message>
    <message>
        <location filename="../../ui/import_prompts.py" line="26"/>
        <source>Already in this case</source>
        <translation>案件中已有这些文件</translation>
    </message>
    <message>
        <location filename="../../ui/import_prompts.py" line="27"/>
        <source>This case already holds %1 of the files you added (the same content):</source>
        <translation>你添加的文件中有 %1 个已在本案件中（内容完全相同）：</translation>
    </message>
    <message>
        <location filename="../../ui/import_prompts.py" line="31"/>
        <source>Skip them</source>
        <translation>跳过</translation>
    </message>
    <message>
        <location filename="../../ui/import_prompts.py" line="32"/>
        <source>Add anyway</source>
        <translation>仍然添加</translation>
    </message>
    <message>
        <location filename="../../ui/import_prompts.py" line="57"/>
        <source>Unfinished import</source>
        <translation>未完成的添加</translation>
    </message>
    <message>
        <location filename="../../ui/import_prompts.py" line="58"/>
        <source>Adding files to case %1 (order %2) was cut short: %3 file(s) were not added.</source>
        <translation>向案件 %1（订单 %2）添加文件时中断了：还有 %3 个文件没有添加。</translation>
    </message>
    <message>
        <location filename="../../ui/import_prompts.py" line="63"/>
        <source>Add them now? Files that are no longer there are listed as refused.</source>
        <translation>现在继续添加吗？已不在原处的文件会列为未能添加。</translation>
    </message>
    <message>
        <location filename="../../ui/import_prompts.py" line="65"/>
        <source>Add the rest</source>
        <translation>继续添加</translation>
    </message>
    <message>
        <location filename="../../ui/import_prompts.py" line="66"/>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <location filename="../../ui/import_prompts.py" line="67"/>
        <source>Later</source>
        <translation>稍后</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="161"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="162"/>
        <source>&amp;New case…</source>
        <translation>新建案件…(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="163"/>
        <source>&amp;Import after-sale list…</source>
        <translation>导入售后列表…(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="165"/>
        <source>&amp;Export bundle…</source>
        <translation>导出证据包…(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="168"/>
        <source>Export &amp;case…</source>
        <translation>导出案件(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="170"/>
        <source>Import c&amp;ase…</source>
        <translation>导入案件(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="172"/>
        <source>&amp;Back up library…</source>
        <translation>备份资料库(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="173"/>
        <source>&amp;Restore library…</source>
        <translation>恢复资料库(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="176"/>
        <source>&amp;Settings…</source>
        <translation>设置…(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="181"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="183"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="185"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="187"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="192"/>
        <source>&amp;Add files…</source>
        <translation>添加文件…(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="194"/>
        <source>Add &amp;folder…</source>
        <translation>添加文件夹…(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="196"/>
        <source>&amp;Remove exhibit</source>
        <translation>移除证据(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="199"/>
        <source>Mark as &amp;new evidence</source>
        <translation>标记为新证据(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="201"/>
        <source>&amp;Find case</source>
        <translation>查找案件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="204"/>
        <source>&amp;Case</source>
        <translation>案件(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="205"/>
        <source>&amp;Case list</source>
        <translation>案件列表(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="206"/>
        <source>Re&amp;view (numbers)</source>
        <translation>复盘(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="208"/>
        <source>&amp;Evidence</source>
        <translation>证据(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="209"/>
        <source>&amp;Facts</source>
        <translation>案件信息(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="210"/>
        <source>&amp;Statement</source>
        <translation>陈述(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="211"/>
        <source>&amp;History</source>
        <translation>记录(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="212"/>
        <source>&amp;Work-order log</source>
        <translation>售后工单(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="215"/>
        <source>List / &amp;grid view</source>
        <translation>列表 / 网格视图(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="219"/>
        <source>Move case to &amp;trash…</source>
        <translation>将案件移到回收站…(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="230"/>
        <source>&amp;Assign…</source>
        <translation>分配(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="232"/>
        <source>T&amp;rash…</source>
        <translation>回收站…(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="237"/>
        <source>&amp;User guide</source>
        <translation>使用指南(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="239"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>快捷键一览(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="407"/>
        <location filename="../../ui/main_window.py" line="414"/>
        <source>Export case</source>
        <translation>导出案件</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="408"/>
        <location filename="../../ui/main_window.py" line="425"/>
        <source>EvidenceKit case (*.evcase)</source>
        <translation>EvidenceKit 案件 (*.evcase)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="424"/>
        <location filename="../../ui/main_window.py" line="428"/>
        <source>Import case</source>
        <translation>导入案件</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="439"/>
        <location filename="../../ui/main_window.py" line="442"/>
        <source>Back up library</source>
        <translation>备份资料库</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="453"/>
        <source>Choose the backup folder</source>
        <translation>选择备份文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="458"/>
        <source>Choose a new or empty folder to restore into</source>
        <translation>选择恢复到的新文件夹或空文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="461"/>
        <source>Restore library</source>
        <translation>恢复资料库</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="494"/>
        <source>Move case %1 (order %2) to the trash?</source>
        <translation>将案件 %1（订单 %2）移到回收站？</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="496"/>
        <source>Its evidence and history are kept. Restore it from Case ▸ Trash (%1).</source>
        <translation>证据和记录都会保留，可在“案件 ▸ 回收站”（%1）中恢复。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="234"/>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="109"/>
        <location filename="../../ui/main_window.py" line="345"/>
        <location filename="../../ui/main_window.py" line="347"/>
        <source>Dispute evidence</source>
        <translation>售后举证</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="236"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="241"/>
        <source>&amp;About EvidenceKit</source>
        <translation>关于 EvidenceKit(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="247"/>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="487"/>
        <location filename="../../ui/main_window.py" line="493"/>
        <source>Move to trash</source>
        <translation>移到回收站</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="555"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="555"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="556"/>
        <source>Move case to trash (from anywhere)</source>
        <translation>将案件移到回收站（任意位置）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="568"/>
        <source>About EvidenceKit</source>
        <translation>关于 EvidenceKit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="569"/>
        <source>EvidenceKit collects chat logs, courier traces, inspection reports and photos for an after-sales dispute, checks them against the platform&apos;s checklist and deadline, and exports one verifiable PDF bundle.</source>
        <translation>EvidenceKit 为售后纠纷整理聊天记录、物流轨迹、质检报告和照片，对照平台的证据清单和时限进行检查，并导出一份可校验的 PDF 证据包。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="574"/>
        <source>The password was wrong. Try again for %1:</source>
        <translation>密码不正确，请重新输入 %1 的密码：</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="575"/>
        <source>%1 is encrypted. Enter its password:</source>
        <translation>%1 已加密，请输入密码：</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="576"/>
        <source>PDF password</source>
        <translation>PDF 密码</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="599"/>
        <source>Library on a network folder</source>
        <translation>资料库位于网络文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="666"/>
        <source>Adding %1 file(s)…</source>
        <translation>正在添加 %1 个文件…</translation>
    </message>
</context>
<context>
    <name>MarkSubmittedDialog</name>
    <message>
        <location filename="../../ui/submission_dialogs.py" line="47"/>
        <source>Mark as submitted</source>
        <translation>标记为已提交</translation>
    </message>
    <message>
        <location filename="../../ui/submission_dialogs.py" line="61"/>
        <source>Submit anyway (the platform allowed another)</source>
        <translation>仍然提交（平台确实又开放了一次）</translation>
    </message>
    <message>
        <location filename="../../ui/submission_dialogs.py" line="65"/>
        <source>Why (kept in the action log)</source>
        <translation>原因（记入操作记录）</translation>
    </message>
    <message>
        <location filename="../../ui/submission_dialogs.py" line="69"/>
        <source>Files</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../ui/submission_dialogs.py" line="70"/>
        <source>Submitted as</source>
        <translation>提交为</translation>
    </message>
    <message>
        <location filename="../../ui/submission_dialogs.py" line="71"/>
        <source>Submitted at</source>
        <translation>提交时间</translation>
    </message>
    <message>
        <location filename="../../ui/submission_dialogs.py" line="99"/>
        <source>If the platform really allowed another, tick below and give the reason.</source>
        <translation>若平台确实又开放了一次，请勾选下方并说明原因。</translation>
    </message>
</context>
<context>
    <name>NewCaseDialog</name>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="106"/>
        <source>New case</source>
        <translation>新建案件</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="63"/>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="21"/>
        <source>After-sale request time</source>
        <translation>售后申请时间</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="22"/>
        <source>Platform intervention time</source>
        <translation>平台介入时间</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="24"/>
        <source>Judgment time</source>
        <translation>判定时间</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="64"/>
        <source>Store time zone</source>
        <translation>店铺时区</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="65"/>
        <source>Dispute type</source>
        <translation>纠纷类型</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="66"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="67"/>
        <source>Order no.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="68"/>
        <source>After-sale no.</source>
        <translation>售后单号</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="69"/>
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="70"/>
        <source>Buyer phone</source>
        <translation>买家电话</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="71"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="72"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="110"/>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="111"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="134"/>
        <source>The 24-hour reply clock and the 48-hour refund clock count from this instant.</source>
        <translation>24 小时回复时限和 48 小时退款处理时限从这一刻起算。</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="136"/>
        <source>The 48-hour evidence clock counts from this instant.</source>
        <translation>48 小时举证时限从这一刻起算。</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="138"/>
        <source>The appeal window counts from this instant.</source>
        <translation>申诉期从这一刻起算。</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="156"/>
        <source>e.g. America/New_York</source>
        <translation>例如 America/New_York</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="178"/>
        <source>Enter the order number.</source>
        <translation>请填写订单号。</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="182"/>
        <source>Choose the store&apos;s time zone: times for this case are read in it.</source>
        <translation>请选择店铺所在市场的时区：这个案件的时间按它读取。</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="190"/>
        <source>The amount must be a number, e.g. 89.00.</source>
        <translation>金额应为数字，例如 89.00。</translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <location filename="../../ui/preview/preview_pane.py" line="35"/>
        <location filename="../../ui/preview/preview_pane.py" line="86"/>
        <source>Select an exhibit to preview it.</source>
        <translation>选择一份证据即可预览。</translation>
    </message>
    <message>
        <location filename="../../ui/preview/preview_pane.py" line="155"/>
        <source>%1 exhibits selected.</source>
        <translation>已选中 %1 条证据。</translation>
    </message>
</context>
<context>
    <name>ReviewChart</name>
    <message>
        <location filename="../../ui/review_charts.py" line="52"/>
        <source>Won</source>
        <translation>胜诉</translation>
    </message>
    <message>
        <location filename="../../ui/review_charts.py" line="52"/>
        <source>Partly</source>
        <translation>部分支持</translation>
    </message>
    <message>
        <location filename="../../ui/review_charts.py" line="52"/>
        <source>Lost</source>
        <translation>败诉</translation>
    </message>
    <message>
        <location filename="../../ui/review_charts.py" line="53"/>
        <source>Refunded</source>
        <translation>退款和解</translation>
    </message>
    <message>
        <location filename="../../ui/review_charts.py" line="53"/>
        <source>Withdrawn</source>
        <translation>撤回</translation>
    </message>
    <message>
        <location filename="../../ui/review_charts.py" line="54"/>
        <source>Undecided</source>
        <translation>未出结果</translation>
    </message>
    <message>
        <location filename="../../ui/review_charts.py" line="54"/>
        <source>On time %</source>
        <translation>按时率 %</translation>
    </message>
    <message>
        <location filename="../../ui/review_charts.py" line="55"/>
        <source>Win rate with it %</source>
        <translation>含此证据的胜诉率 %</translation>
    </message>
    <message>
        <location filename="../../ui/review_charts.py" line="55"/>
        <source>Win rate without it %</source>
        <translation>不含此证据的胜诉率 %</translation>
    </message>
    <message>
        <location filename="../../ui/review_charts.py" line="56"/>
        <source>Times said</source>
        <translation>次数</translation>
    </message>
    <message>
        <location filename="../../ui/review_charts.py" line="56"/>
        <source>No cases in this range.</source>
        <translation>这段时间没有案件。</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../../ui/review_page.py" line="140"/>
        <source>By</source>
        <translation>统计维度</translation>
    </message>
    <message>
        <location filename="../../ui/review_page.py" line="141"/>
        <source>Cases from</source>
        <translation>案件日期</translation>
    </message>
    <message>
        <location filename="../../ui/review_page.py" line="142"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../ui/review_page.py" line="143"/>
        <source>Dispute type</source>
        <translation>纠纷类型</translation>
    </message>
    <message>
        <location filename="../../ui/review_page.py" line="143"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/review_page.py" line="143"/>
        <source>Carrier</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <location filename="../../ui/review_page.py" line="144"/>
        <source>Store</source>
        <translation>店铺</translation>
    </message>
    <message>
        <location filename="../../ui/review_page.py" line="144"/>
        <source>Staff</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../ui/review_page.py" line="144"/>
        <source>Week</source>
        <translation>按周</translation>
    </message>
    <message>
        <location filename="../../ui/review_page.py" line="145"/>
        <source>Month</source>
        <translation>按月</translation>
    </message>
    <message>
        <location filename="../../ui/review_page.py" line="148"/>
        <source>Last 4 weeks</source>
        <translation>最近 4 周</translation>
    </message>
    <message>
        <location filename="../../ui/review_page.py" line="148"/>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <location filename="../../ui/review_page.py" line="149"/>
        <source>Last week</source>
        <translation>上周</translation>
    </message>
    <message>
        <location filename="../../ui/review_page.py" line="149"/>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location filename="../../ui/review_page.py" line="150"/>
        <source>All cases</source>
        <translation>全部案件</translation>
    </message>
    <message>
        <location filename="../../ui/review_page.py" line="150"/>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <location filename="../../ui/review_page.py" line="153"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/review_page.py" line="154"/>
        <source>Export weekly review…</source>
        <translation>导出周复盘…</translation>
    </message>
    <message>
        <location filename="../../ui/review_page.py" line="155"/>
        <source>Disputes and decisions (click a bar to list its cases)</source>
        <translation>纠纷与结果（点击柱条查看对应案件）</translation>
    </message>
    <message>
        <location filename="../../ui/review_page.py" line="156"/>
        <source>Clocks kept: on-time rate</source>
        <translation>期限按时率</translation>
    </message>
    <message>
        <location filename="../../ui/review_page.py" line="157"/>
        <source>Win rate by the evidence kinds a submission held</source>
        <translation>提交所含证据类型与胜诉率</translation>
    </message>
    <message>
        <location filename="../../ui/review_page.py" line="158"/>
        <source>Frequent words in buyer messages</source>
        <translation>买家消息高频词</translation>
    </message>
    <message>
        <location filename="../../ui/review_page.py" line="240"/>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <location filename="../../ui/review_page.py" line="256"/>
        <source>Could not count.</source>
        <translation>统计失败。</translation>
    </message>
    <message>
        <location filename="../../ui/review_page.py" line="268"/>
        <source>%1 cases</source>
        <translation>共 %1 件</translation>
    </message>
    <message>
        <location filename="../../ui/review_page.py" line="300"/>
        <source>Save weekly review as</source>
        <translation>周复盘另存为</translation>
    </message>
    <message>
        <location filename="../../ui/review_page.py" line="306"/>
        <source>Writing the report…</source>
        <translation>正在生成报告…</translation>
    </message>
    <message>
        <location filename="../../ui/review_page.py" line="314"/>
        <source>Wrote %1</source>
        <translation>已写出 %1</translation>
    </message>
    <message>
        <location filename="../../ui/review_page.py" line="317"/>
        <source>The report was not written.</source>
        <translation>报告没有写出。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="36"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="48"/>
        <source>This computer&apos;s zone</source>
        <translation>本机时区</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="56"/>
        <source>e.g. 小美家居旗舰店, 客服小王</source>
        <translation>例如：小美家居旗舰店、客服小王</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="57"/>
        <source>Mask buyer phone numbers and names in bundles</source>
        <translation>在证据包中隐藏买家电话和姓名</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="71"/>
        <source>Notify me when a case becomes due soon or critical</source>
        <translation>案件即将到期或紧急时通知我</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="75"/>
        <source>e.g. http://timestamp.example.com/tsr (empty: none)</source>
        <translation>例如 http://timestamp.example.com/tsr（留空：不加时间戳）</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="77"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="84"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="85"/>
        <source>My name (staff)</source>
        <translation>我的名字（员工）</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="86"/>
        <source>Display time zone</source>
        <translation>显示时区</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="87"/>
        <source>Store-side chat names</source>
        <translation>聊天中的店铺方名称</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="89"/>
        <source>Default platform</source>
        <translation>默认平台</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="90"/>
        <source>Default export profile</source>
        <translation>默认导出规格</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="92"/>
        <source>Timestamp server (RFC 3161)</source>
        <translation>时间戳服务器（RFC 3161）</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="93"/>
        <location filename="../../ui/settings_dialog.py" line="107"/>
        <source>Library folder</source>
        <translation>资料库文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="94"/>
        <source>A new library folder is used after restarting the app.</source>
        <translation>更换资料库文件夹后，需重新启动软件才会生效。</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../ui/help_dialogs.py" line="66"/>
        <source>Keyboard shortcuts</source>
        <translation>快捷键一览</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialogs.py" line="71"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialogs.py" line="71"/>
        <source>Shortcut</source>
        <translation>快捷键</translation>
    </message>
</context>
<context>
    <name>StatementEditor</name>
    <message>
        <location filename="../../ui/statement_editor.py" line="74"/>
        <source>Use template</source>
        <translation>使用模板</translation>
    </message>
    <message>
        <location filename="../../ui/statement_editor.py" line="77"/>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <location filename="../../ui/statement_editor.py" line="85"/>
        <source>Describe what happened, in order, with times and exhibit numbers (E1, E2…). Keep to facts; avoid emotional wording.</source>
        <translation>按时间顺序说明经过，注明时间和证据编号（E1、E2…）。只陈述事实，避免情绪化用语。</translation>
    </message>
    <message>
        <location filename="../../ui/statement_editor.py" line="96"/>
        <source>Merchant&apos;s statement</source>
        <translation>商家陈述</translation>
    </message>
    <message>
        <location filename="../../ui/statement_editor.py" line="123"/>
        <source>Add point</source>
        <translation>添加要点</translation>
    </message>
    <message>
        <location filename="../../ui/statement_editor.py" line="124"/>
        <source>Remove point</source>
        <translation>删除要点</translation>
    </message>
    <message>
        <location filename="../../ui/statement_editor.py" line="127"/>
        <source>Appeal points: where the judgment&apos;s basis differs from the facts</source>
        <translation>申诉要点：判定依据与事实不符之处</translation>
    </message>
    <message>
        <location filename="../../ui/statement_editor.py" line="138"/>
        <source>Exhibits: double-click the cell (or press Enter on it) to tick them; click a number to see that exhibit.</source>
        <translation>证据：双击该格（或在该格按回车）勾选证据；点击编号可查看那条证据。</translation>
    </message>
    <message>
        <location filename="../../ui/statement_editor.py" line="188"/>
        <source>(no judgment text yet: paste it on the Facts tab)</source>
        <translation>（尚未填写判定内容：请在“案件信息”页粘贴）</translation>
    </message>
    <message>
        <location filename="../../ui/statement_editor.py" line="189"/>
        <source>Judgment %1: %2</source>
        <translation>判定 %1：%2</translation>
    </message>
</context>
<context>
    <name>TeamPassword</name>
    <message>
        <location filename="../../ui/team_password.py" line="19"/>
        <source>Team library</source>
        <translation>团队资料库</translation>
    </message>
    <message>
        <location filename="../../ui/team_password.py" line="20"/>
        <source>Password for %1
(kept only until the app closes):</source>
        <translation>%1 的密码
（只保存在内存中，直到关闭应用）：</translation>
    </message>
</context>
<context>
    <name>TracePreview</name>
    <message>
        <location filename="../../ui/preview/trace_view.py" line="67"/>
        <source>Unmark row #%1 as key</source>
        <translation>取消要点：第 %1 条轨迹</translation>
    </message>
    <message>
        <location filename="../../ui/preview/trace_view.py" line="69"/>
        <source>Mark row #%1 as key</source>
        <translation>标为要点：第 %1 条轨迹</translation>
    </message>
</context>
<context>
    <name>TrashDialog</name>
    <message>
        <location filename="../../ui/trash_dialog.py" line="62"/>
        <source>Trash</source>
        <translation>回收站</translation>
    </message>
    <message>
        <location filename="../../ui/trash_dialog.py" line="63"/>
        <source>Cases moved to the trash keep their evidence and history. Restore a case to put it back in the case list.</source>
        <translation>移到回收站的案件保留全部证据和记录。恢复后，案件回到案件列表。</translation>
    </message>
    <message>
        <location filename="../../ui/trash_dialog.py" line="65"/>
        <source>The trash is empty.</source>
        <translation>回收站是空的。</translation>
    </message>
    <message>
        <location filename="../../ui/trash_dialog.py" line="66"/>
        <source>&amp;Restore</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/trash_dialog.py" line="67"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>TrashModel</name>
    <message>
        <location filename="../../ui/models/trash_model.py" line="16"/>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../ui/models/trash_model.py" line="17"/>
        <source>Order no.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location filename="../../ui/models/trash_model.py" line="18"/>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../ui/models/trash_model.py" line="19"/>
        <source>Dispute type</source>
        <translation>纠纷类型</translation>
    </message>
    <message>
        <location filename="../../ui/models/trash_model.py" line="20"/>
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <location filename="../../ui/models/trash_model.py" line="21"/>
        <source>Moved to trash</source>
        <translation>移入回收站时间</translation>
    </message>
</context>
<context>
    <name>Undo</name>
    <message>
        <location filename="../../ui/undo.py" line="34"/>
        <source>Remove exhibits</source>
        <translation>移除证据</translation>
    </message>
    <message>
        <location filename="../../ui/undo.py" line="48"/>
        <source>Edit exhibit</source>
        <translation>修改证据</translation>
    </message>
    <message>
        <location filename="../../ui/undo.py" line="67"/>
        <source>Edit exhibits</source>
        <translation>编辑证据</translation>
    </message>
    <message>
        <location filename="../../ui/undo.py" line="83"/>
        <source>Reorder exhibits</source>
        <translation>调整证据顺序</translation>
    </message>
    <message>
        <location filename="../../ui/undo.py" line="112"/>
        <source>Edit case facts</source>
        <translation>修改案件信息</translation>
    </message>
</context>
<context>
    <name>UserGuideDialog</name>
    <message>
        <location filename="../../ui/help_dialogs.py" line="27"/>
        <source>User guide</source>
        <translation>使用指南</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialogs.py" line="31"/>
        <source>&lt;b&gt;New case&lt;/b&gt; (Ctrl+N): pick the platform and the dispute type, type the order number, and give the instant the clock counts from (for example when the platform stepped in).</source>
        <translation>&lt;b&gt;新建案件&lt;/b&gt;（Ctrl+N）：选择平台和纠纷类型，填写订单号，并填写时限起算的时间（例如平台介入的时间）。</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialogs.py" line="34"/>
        <source>&lt;b&gt;Add evidence&lt;/b&gt;: drop files or whole folders on the evidence list, or press Ctrl+O. Chat logs, courier traces, PDFs, photos and videos are read and given a kind; a kind guessed from the file name is marked as guessed. A file the case already holds is pointed out before it is added twice.</source>
        <translation>&lt;b&gt;添加证据&lt;/b&gt;：把文件或整个文件夹拖到证据列表上，或按 Ctrl+O。聊天记录、物流轨迹、PDF、照片和视频会被读取并归类；按文件名推测的类型会标为“推测”。案件里已有的文件，再次添加前会先提醒。</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialogs.py" line="38"/>
        <source>&lt;b&gt;Fix kinds in one go&lt;/b&gt;: select several exhibits, right-click, and set their kind, a caption prefix or the new-evidence mark. Ctrl+Z undoes the whole change.</source>
        <translation>&lt;b&gt;一次改好类型&lt;/b&gt;：选中多条证据，右键设置类型、说明前缀或新证据标记。Ctrl+Z 可整体撤销。</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialogs.py" line="41"/>
        <source>&lt;b&gt;Watch the checklist and the clock&lt;/b&gt; on the right: ✗ items are missing (click to add that kind of file), the banner counts down to the deadline.</source>
        <translation>&lt;b&gt;留意右侧的清单和时限&lt;/b&gt;：✗ 表示缺少（点击即可添加这类文件），顶部横幅显示离截止还剩多久。</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialogs.py" line="43"/>
        <source>&lt;b&gt;Write the statement&lt;/b&gt;: use a template, keep to facts. For an appeal, add points and pick the exhibits that prove each one.</source>
        <translation>&lt;b&gt;撰写说明&lt;/b&gt;：可套用话术模板，只陈述事实。申诉时逐条添加申诉要点，并为每条选择证明它的证据。</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialogs.py" line="45"/>
        <source>&lt;b&gt;Export&lt;/b&gt; (Ctrl+E) one PDF bundle, check it in the preview, and upload it. The History tab keeps what was done and what was submitted.</source>
        <translation>&lt;b&gt;导出&lt;/b&gt;（Ctrl+E）一个 PDF 证据包，在预览中检查后上传。“历史”标签页记录做过的操作和提交过的证据包。</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialogs.py" line="49"/>
        <source>A case from start to bundle</source>
        <translation>一个案件：从新建到证据包</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialogs.py" line="50"/>
        <source>Help ▸ Keyboard shortcuts lists every shortcut.</source>
        <translation>全部快捷键见“帮助 ▸ 快捷键一览”。</translation>
    </message>
</context>
<context>
    <name>VideoPreview</name>
    <message>
        <location filename="../../ui/preview/video_view.py" line="68"/>
        <source>Length</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../ui/preview/video_view.py" line="69"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../ui/preview/video_view.py" line="75"/>
        <source>Keyframes from the video. The bundle shows them with the video&apos;s name, length and SHA-256.</source>
        <translation>视频关键帧。证据包会展示这些画面，并附视频名称、时长和 SHA-256。</translation>
    </message>
    <message>
        <location filename="../../ui/preview/video_view.py" line="78"/>
        <source>The frames of this video could not be read. The bundle will list it (name, length, size, SHA-256) but not show it.</source>
        <translation>无法读取这个视频的画面。证据包会列出它（名称、时长、大小、SHA-256），但不显示画面。</translation>
    </message>
    <message>
        <location filename="../../ui/preview/video_view.py" line="81"/>
        <source>No video decoder is installed, so no frames are shown. The bundle will list this video (name, length, size, SHA-256) but not show it.</source>
        <translation>未安装视频解码组件，无法显示画面。证据包会列出这个视频（名称、时长、大小、SHA-256），但不显示画面。</translation>
    </message>
</context>
<context>
    <name>WordScope</name>
    <message>
        <location filename="../../ui/review_words.py" line="26"/>
        <source>All cases</source>
        <translation>全部案件</translation>
    </message>
    <message>
        <location filename="../../ui/review_words.py" line="32"/>
        <source>Undecided</source>
        <translation>未出结果</translation>
    </message>
    <message>
        <location filename="../../ui/review_words.py" line="34"/>
        <source>Decision: %1</source>
        <translation>结果：%1</translation>
    </message>
</context>
<context>
    <name>WorklogPanel</name>
    <message>
        <location filename="../../ui/worklog_panel.py" line="44"/>
        <source>Each after-sales step with its time, as the platform will read it (e.g. 9:10 buyer reported → 9:15 contacted the buyer). It goes into the bundle sent to the platform.</source>
        <translation>按时间记录每一步售后处理，平台将看到这些记录（例如 9:10 用户反馈 → 9:15 联系用户）。售后工单会放入提交平台的材料中。</translation>
    </message>
    <message>
        <location filename="../../ui/worklog_panel.py" line="65"/>
        <source>Add step</source>
        <translation>添加记录</translation>
    </message>
    <message>
        <location filename="../../ui/worklog_panel.py" line="68"/>
        <source>Remove step</source>
        <translation>删除记录</translation>
    </message>
    <message>
        <location filename="../../ui/worklog_panel.py" line="91"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/worklog_panel.py" line="91"/>
        <source>Step</source>
        <translation>处理经过</translation>
    </message>
    <message>
        <location filename="../../ui/worklog_panel.py" line="92"/>
        <source>What was done, e.g. called the buyer and offered an exchange</source>
        <translation>做了什么，例如：致电买家，提出换货</translation>
    </message>
</context>
</TS>
