/* Record comments, in English and in Simplified Chinese. The Chinese text
 * follows the wording of Microsoft's zh-CN "DNS summary" topic for R1, R3, R4
 * and R5 (SPEC 2). */
#include "part.h"

#include "fedns/fedns.h"

struct part_text {
	const char *text[2]; /* by fedns_lang */
};

static const struct part_text parts[FEDNS_PART_COUNT] = {
	[FEDNS_PART_R1] = {{
		"Access Edge service external interface: external users, public IM and federation "
		"partners connect here. Repeat for every SIP domain with Lync-enabled users.",
		"访问边缘服务外部接口：外部用户、公共即时消息和联盟伙伴连接到此处。"
		"根据需要对包含启用了 Lync 的用户的所有 SIP 域重复。"}},
	[FEDNS_PART_R2] = {{
		"Remote user sign-in through the Access Edge service (not needed when clients are "
		"configured by Group Policy).",
		"远程用户通过访问边缘服务登录（如果通过组策略配置客户端，则不需要）。"}},
	[FEDNS_PART_R3] = {{
		"Lets other SIP federation partners discover this domain's Access Edge external "
		"interface by automatic DNS discovery (\"allowed SIP domains\", formerly "
		"\"enhanced federation\"). Repeat for every SIP domain with Lync-enabled users.",
		"其他潜在联盟合作伙伴借助自动 DNS 发现技术发现您的联盟所需的访问边缘服务外部接口"
		"（称为“允许的 SIP 域”，在以前版本中称为“增强联盟”）。"
		"根据需要对具有已启用 Lync 的用户的所有 SIP 域重复此操作。"}},
	[FEDNS_PART_R4] = {{
		"Required by the Push Notification Clearing House for Lync Mobile clients, even "
		"without partner discovery; publish one for every SIP domain with mobile clients.",
		"移动性和推送通知交换所需要此 SRV 记录，即使不使用可发现联盟；"
		"请为将具有 Lync Mobile 客户端的每个 SIP 域创建并发布一条 SRV 记录。"}},
	[FEDNS_PART_R5_SRV] = {{
		"XMPP proxy external interface on the Access Edge service or Edge pool. Repeat for "
		"every SIP domain with Lync-enabled users allowed to contact XMPP contacts.",
		"访问边缘服务或边缘池上的 XMPP 代理外部接口。根据需要对所有包含启用了 Lync 的用户"
		"并允许与 XMPP 联系人进行联系的内部 SIP 域重复此过程。"}},
	[FEDNS_PART_R5_HOST] = {{
		"Points to the Access Edge service or Edge pool hosting the XMPP proxy.",
		"指向访问边缘服务或承载 XMPP 代理服务的边缘池。"}},
	[FEDNS_PART_R6_WEBCONF] = {{
		"Web Conferencing Edge service external interface.",
		"Web 会议边缘服务外部接口。"}},
	[FEDNS_PART_R6_AV] = {{
		"A/V Edge service external interface.",
		"A/V 边缘服务外部接口。"}},
	[FEDNS_PART_R7] = {{
		"Autodiscover through the reverse proxy: mobile and desktop clients find their "
		"pool here (Lync Mobile needs it). Repeat for every SIP domain with Lync-enabled "
		"users.",
		"通过反向代理进行自动发现：移动客户端和桌面客户端在此处查找其池（Lync Mobile "
		"需要此记录）。根据需要对包含启用了 Lync 的用户的所有 SIP 域重复。"}},
	[FEDNS_PART_R8_MEET] = {{
		"Meeting simple URL, published through the reverse proxy. Repeat for every SIP "
		"domain with Lync-enabled users.",
		"会议简单 URL，通过反向代理发布。根据需要对包含启用了 Lync 的用户的所有 SIP 域重复。"}},
	[FEDNS_PART_R8_DIALIN] = {{
		"Dial-in conferencing simple URL, published through the reverse proxy.",
		"拨入式会议简单 URL，通过反向代理发布。"}},
	[FEDNS_PART_R8_WEB] = {{
		"External web services of the front end pool, published through the reverse proxy.",
		"前端池的外部 Web 服务，通过反向代理发布。"}},
	[FEDNS_PART_R9_SIP] = {{
		"This SIP domain is served by Microsoft 365: remote sign-in goes to Microsoft's "
		"online directory.",
		"此 SIP 域由 Microsoft 365 提供服务：远程登录指向 Microsoft 的联机目录。"}},
	[FEDNS_PART_R9_FEDERATION] = {{
		"This SIP domain is served by Microsoft 365: federation partners find Microsoft's "
		"online federation edge.",
		"此 SIP 域由 Microsoft 365 提供服务：联盟伙伴查找 Microsoft 的联机联盟边缘。"}},
	[FEDNS_PART_R9_SIP_ALIAS] = {{
		"This SIP domain is served by Microsoft 365: clients that look up sip find "
		"Microsoft's online directory.",
		"此 SIP 域由 Microsoft 365 提供服务：查找 sip 的客户端指向 Microsoft 的联机目录。"}},
	[FEDNS_PART_R9_DISCOVER] = {{
		"This SIP domain is served by Microsoft 365: autodiscover goes to Microsoft's "
		"online web directory.",
		"此 SIP 域由 Microsoft 365 提供服务：自动发现指向 Microsoft 的联机 Web 目录。"}},
};

const char *fedns_part_comment(int part, int lang)
{
	if (part < 0 || part >= FEDNS_PART_COUNT || lang < 0 || lang > FEDNS_LANG_ZH_CN)
		return NULL;
	return parts[part].text[lang];
}
