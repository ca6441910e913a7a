/* Record comments, in English and in Simplified Chinese. The Chinese text
 * follows the wording of Microsoft's zh-CN "DNS summary" topic for R1, R3, R4
 * and R5 (SPEC 2). */
#include "part.h"

#include "fedns/fedns.h"

struct part_text {
	const char *rule;
	const char *text[2]; /* by fedns_lang */
};

static const struct part_text parts[FEDNS_PART_COUNT] = {
	[FEDNS_PART_R1] = {"R1", {
		"Access Edge service external interface: external users, public IM and federation "
		"partners connect here. Repeat for every SIP domain with Lync-enabled users.",
		"访问边缘服务外部接口：外部用户、公共即时消息和联盟伙伴连接到此处。"
		"根据需要对包含启用了 Lync 的用户的所有 SIP 域重复。"}},
	[FEDNS_PART_R2] = {"R2", {
		"Remote user sign-in through the Access Edge service (not needed when clients are "
		"configured by Group Policy).",
		"远程用户通过访问边缘服务登录（如果通过组策略配置客户端，则不需要）。"}},
	[FEDNS_PART_R3] = {"R3", {
		"Lets other SIP federation partners discover this domain's Access Edge external "
		"interface by automatic DNS discovery (\"allowed SIP domains\", formerly "
		"\"enhanced federation\"). Repeat for every SIP domain with Lync-enabled users.",
		"其他潜在联盟合作伙伴借助自动 DNS 发现技术发现您的联盟所需的访问边缘服务外部接口"
		"（称为“允许的 SIP 域”，在以前版本中称为“增强联盟”）。"
		"根据需要对具有已启用 Lync 的用户的所有 SIP 域重复此操作。"}},
	[FEDNS_PART_R4] = {"R4", {
		"Required by the Push Notification Clearing House for Lync Mobile clients, even "
		"without partner discovery; publish one for every SIP domain with mobile clients.",
		"移动性和推送通知交换所需要此 SRV 记录，即使不使用可发现联盟；"
		"请为将具有 Lync Mobile 客户端的每个 SIP 域创建并发布一条 SRV 记录。"}},
	[FEDNS_PART_R5_SRV] = {"R5", {
		"XMPP proxy external interface on the Access Edge service or Edge pool. Repeat for "
		"every SIP domain with Lync-enabled users allowed to contact XMPP contacts.",
		"访问边缘服务或边缘池上的 XMPP 代理外部接口。根据需要对所有包含启用了 Lync 的用户"
		"并允许与 XMPP 联系人进行联系的内部 SIP 域重复此过程。"}},
	[FEDNS_PART_R5_HOST] = {"R5", {
		"Points to the Access Edge service or Edge pool hosting the XMPP proxy.",
		"指向访问边缘服务或承载 XMPP 代理服务的边缘池。"}},
	[FEDNS_PART_R6_WEBCONF] = {"R6", {
		"Web Conferencing Edge service external interface.",
		"Web 会议边缘服务外部接口。"}},
	[FEDNS_PART_R6_AV] = {"R6", {
		"A/V Edge service external interface.",
		"A/V 边缘服务外部接口。"}},
};

const char *fedns_part_comment(int part, int lang)
{
	if (part < 0 || part >= FEDNS_PART_COUNT || lang < 0 || lang > FEDNS_LANG_ZH_CN)
		return NULL;
	return parts[part].text[lang];
}

const char *fedns_part_rule(int part)
{
	if (part < 0 || part >= FEDNS_PART_COUNT)
		return NULL;
	return parts[part].rule;
}
