/* Private to validation (SPEC 3): what every rule reads, the rule functions
 * that validate.c runs from its table, and the messages they emit. */
#ifndef FEDNS_VALIDATE_RULES_H
#define FEDNS_VALIDATE_RULES_H

#include <stddef.h>

#include "diagnostics.h"
#include "model.h"
#include "name.h"

/* No position: a domain without a pool, a deployment without an XMPP pool. */
#define FEDNS_VNONE ((size_t)-1)

/* Room for a printable copy of any input name (see fedns__vshow). */
#define FEDNS_VSHOW_BUF 512
/* Room for any owner name fedns builds from a valid label and a valid name,
 * even one over the 253-octet limit that V1 reports. */
#define FEDNS_VOWNER_BUF 512
/* Room for a document path ("xmpp.partners[12].additional_domains[3]"). */
#define FEDNS_VPATH_BUF 96
/* Room for a reason from name.c or address.c, in either language. */
#define FEDNS_VWHY_BUF 768

/* One name of a list, folded once so that every rule compares one form. */
struct fedns_vname {
	const char *folded; /* NULL: the name breaks SPEC 5 (V1 says why) */
	size_t len;         /* of `folded` */
	size_t hash;        /* of `folded`, for the lists' tables */
	size_t pos;         /* position of its entry in the document */
	size_t sub;         /* XMPP: 0 for the domain, 1 + i for additional_domains[i] */
	size_t first;       /* the earlier item with the same name, or FEDNS_VNONE */
};

/* A list in document order, and a hash table of its valid names for
 * duplicate detection and lookup, so that no rule is more than linear in a
 * list's length. */
struct fedns_vnames {
	struct fedns_vname *items;
	size_t *slots;             /* mask + 1 of them, NULL for an empty list (see probe()) */
	size_t n, mask;
	size_t ndup;               /* items with an earlier item of the same name */
};

/* A pool's labels and access edge FQDN, folded once, and what V27 needs to
 * know of the SIP domains with users it serves. */
struct fedns_vpool {
	const char *access_fqdn; /* NULL: not set (the host label applies) or invalid */
	const char *host;        /* NULL: invalid */
	const char *xmpp_host;   /* NULL: invalid */
	size_t first_online;     /* the first one hosted online, or FEDNS_VNONE */
	int serves_on_premises;  /* whether one is not hosted online */
};

struct fedns_vctx {
	const fedns_deployment *dep;
	struct fedns_diagnostics *out;
	struct fedns_vnames domains, allowed, blocked, xmpp;
	struct fedns_vnames pool_names; /* `folded` is the name as given: pools match exactly */
	struct fedns_vpool *pools;      /* by pool position */
	size_t *served_by;              /* pool position by domain position, or FEDNS_VNONE */
	unsigned char *domain_flags;    /* FEDNS_VD_* by domain position */
	size_t route, xmpp_pool;        /* the first pool with the flag, or FEDNS_VNONE */
	int discoverable;
	char *text;                     /* the folded names that differ from the given ones */
	size_t len, cap;
};

/* What the rules ask of each SIP domain, read from the model in one pass:
 * most rules look at every domain, and a byte each stays in the cache. */
enum {
	FEDNS_VD_USERS = 1,
	FEDNS_VD_ONLINE = 2,         /* moved to Microsoft 365 (R9) */
	FEDNS_VD_XMPP = 4,
	FEDNS_VD_MOBILITY = 8,
	FEDNS_VD_FEDERATION_SRV = 16 /* R3 or R4 publishes the federation SRV */
};

/* A rule: appends its diagnostics to c->out; FEDNS_OK or FEDNS_ENOMEM. */
typedef fedns_status (*fedns_vrule_fn)(struct fedns_vctx *c);

#define FEDNS_VTRY(expr)                                  \
	do {                                              \
		fedns_status vtry_st_ = (expr);           \
		if (vtry_st_ != FEDNS_OK)                 \
			return vtry_st_;                  \
	} while (0)

/* Called by fedns__vduplicates() for each item `v` of a list whose name the
 * earlier item `first` has; `arg` is the caller's. */
typedef fedns_status (*fedns_vdup_fn)(struct fedns_vctx *c, const struct fedns_vname *v,
				      const struct fedns_vname *first, const void *arg);

/* How many items ahead a walk over a list asks for the slot it will look
 * up: with a million names the tables are far larger than the caches, and
 * a walk would otherwise wait on memory at every name. */
#define FEDNS_VAHEAD 8

/* Starts loading the slot of `l` where the name of item `k` of `from`
 * would be, when there is such an item. */
static inline void fedns__vprefetch(const struct fedns_vnames *l, const struct fedns_vnames *from,
				    size_t k)
{
	if (l->slots && k < from->n)
		__builtin_prefetch(&l->slots[from->items[k].hash & l->mask]);
}

/* Shared helpers (validate.c). */
/* The first entry named `name` (folded), or NULL. */
const struct fedns_vname *fedns__vfind(const struct fedns_vnames *l, const char *name);
/* The first entry of `l` with the name of `v`, an item of another list. */
const struct fedns_vname *fedns__vfind_name(const struct fedns_vnames *l,
					    const struct fedns_vname *v);
/* Calls `report` for every item of `l` that repeats an earlier one's name,
 * ordered by name, then position: SPEC 3 orders the diagnostics of one
 * subject by when they were made. FEDNS_OK, FEDNS_ENOMEM or what `report`
 * returned. */
fedns_status fedns__vduplicates(struct fedns_vctx *c, const struct fedns_vnames *l,
				fedns_vdup_fn report, const void *arg);
/* `given` made printable: control and non-ASCII bytes as \xNN, quotes and
 * backslashes escaped, cut after 120 bytes with "..."; written to `buf`
 * (FEDNS_VSHOW_BUF bytes), which is returned. */
const char *fedns__vshow(const char *given, char *buf);
/* A subject: the folded name when it is valid, else the printable given one. */
const char *fedns__vsubject(const char *folded, const char *given, char *buf);
/* The subject of XMPP partner `i`: its domain, folded when valid. */
const char *fedns__vpartner(const struct fedns_vctx *c, size_t i, char *buf);
/* "head[i]tail" into `buf` (FEDNS_VPATH_BUF bytes), which is returned. */
const char *fedns__vpath(char *buf, const char *head, size_t i, const char *tail);
/* `label`.`domain` into `buf` (FEDNS_VOWNER_BUF bytes), which is returned. */
const char *fedns__vjoin(char *buf, const char *label, const char *domain);
/* S of SPEC 2 for SIP domain `i`, folded; NULL when its pool or a name it
 * needs is missing or invalid (V1, V3 report that). */
const char *fedns__vaccess_fqdn(const struct fedns_vctx *c, size_t i, char *buf);

/* The FEDNS_VD_* flags of SIP domain `i`, inline for the rules that ask
 * of every domain. */
static inline int fedns__vusers(const struct fedns_vctx *c, size_t i)
{
	return c->domain_flags[i] & FEDNS_VD_USERS;
}

static inline int fedns__vonline(const struct fedns_vctx *c, size_t i)
{
	return c->domain_flags[i] & FEDNS_VD_ONLINE;
}

static inline int fedns__vxmpp(const struct fedns_vctx *c, size_t i)
{
	return c->domain_flags[i] & FEDNS_VD_XMPP;
}

static inline int fedns__vmobility(const struct fedns_vctx *c, size_t i)
{
	return c->domain_flags[i] & FEDNS_VD_MOBILITY;
}

static inline int fedns__vfederation_srv(const struct fedns_vctx *c, size_t i)
{
	return c->domain_flags[i] & FEDNS_VD_FEDERATION_SRV;
}

/* The rules, one function each, in validate_*.c. */
fedns_status fedns__v1_names(struct fedns_vctx *c);
fedns_status fedns__v2_duplicate_domains(struct fedns_vctx *c);
fedns_status fedns__v3_pools(struct fedns_vctx *c);
fedns_status fedns__v4_unique_roles(struct fedns_vctx *c);
fedns_status fedns__v5_addresses(struct fedns_vctx *c);
fedns_status fedns__v6_push_needs_federation(struct fedns_vctx *c);
fedns_status fedns__v7_push_setup(struct fedns_vctx *c);
fedns_status fedns__v8_srv_without_discovery(struct fedns_vctx *c);
fedns_status fedns__v9_xmpp_without_proxy(struct fedns_vctx *c);
fedns_status fedns__v10_srv_target(struct fedns_vctx *c);
fedns_status fedns__v11_conflicts(struct fedns_vctx *c);
fedns_status fedns__v12_nobody_can_federate(struct fedns_vctx *c);
fedns_status fedns__v13_federation_off(struct fedns_vctx *c);
fedns_status fedns__v14_ttl_and_duplicates(struct fedns_vctx *c);
fedns_status fedns__v15_public_im_domains(struct fedns_vctx *c);
fedns_status fedns__v16_blocked_without_discovery(struct fedns_vctx *c);
fedns_status fedns__v17_dns_pool_failover(struct fedns_vctx *c);
fedns_status fedns__v18_address_counts(struct fedns_vctx *c);
fedns_status fedns__v19_duplicate_providers(struct fedns_vctx *c);
fedns_status fedns__v20_xmpp_without_partners(struct fedns_vctx *c);
fedns_status fedns__v21_xmpp_negotiation(struct fedns_vctx *c);
fedns_status fedns__v22_xmpp_unsupported(struct fedns_vctx *c);
fedns_status fedns__v23_not_findable(struct fedns_vctx *c);
fedns_status fedns__v24_public_im_ended(struct fedns_vctx *c);
fedns_status fedns__v25_online_xmpp(struct fedns_vctx *c);
fedns_status fedns__v26_online_mobility(struct fedns_vctx *c);
fedns_status fedns__v27_pool_serves_only_online(struct fedns_vctx *c);
fedns_status fedns__v28_proxy_without_address(struct fedns_vctx *c);
fedns_status fedns__v29_cname_collision(struct fedns_vctx *c);

/*
 * Messages, each an English and a Simplified Chinese printf format taking
 * the same arguments in the same order; a macro expands to both, so a call
 * reads fedns_diagnostics_add(..., FEDNS_M_V6, args...). The compiler checks
 * the English one; the tests compare each pair's conversions.
 *
 * Values are named by their document keys and values (SPEC 7), which are
 * the same in both languages: "access_edge", "not_supported". A reason that
 * another module words per language (name.c, address.c) is passed twice,
 * English then Chinese: FEDNS_VT_EN prints the first and skips the second,
 * FEDNS_VT_ZH the reverse ("%.0s" consumes an argument and prints nothing).
 */
#define FEDNS_VT_EN "%s%.0s"
#define FEDNS_VT_ZH "%.0s%s"

/* path, reason (en, zh) */
#define FEDNS_M_V1_NAME                                                        \
	"%s: " FEDNS_VT_EN "; correct the name.",                              \
	"%s：" FEDNS_VT_ZH "；请更正该名称。"
/* path, label */
#define FEDNS_M_V1_LABEL                                                       \
	"%s \"%s\" must be a single DNS label (it is put in front of each "    \
	"SIP domain), not a name with dots; use one label such as \"sip\".",   \
	"%s“%s”必须是单个 DNS 标签（它会加在每个 SIP 域名前面），不能是含点的"     \
	"名称；请使用一个标签，例如“sip”。"
/* domain */
#define FEDNS_M_V1_SINGLE_LABEL                                                \
	"SIP domain \"%s\" has only one label; a SIP domain needs at least "   \
	"two (for example contoso.com), so use the full domain name.",         \
	"SIP 域“%s”只有一个标签；SIP 域至少需要两个标签（例如 contoso.com），"     \
	"请使用完整的域名。"
/* owner, domain, length */
#define FEDNS_M_V1_OWNER_TOO_LONG                                              \
	"the record name \"%s\" that fedns builds for SIP domain \"%s\" is "   \
	"%zu octets long, over the 253 allowed; shorten the SIP domain or "    \
	"the edge pool's host label.",                                         \
	"fedns 生成的记录名“%s”（属于 SIP 域“%s”）长 %zu 个字节，超过 253 的"    \
	"上限；请缩短 SIP 域名或边缘池的主机标签。"

/* domain, path, first path */
#define FEDNS_M_V2                                                             \
	"SIP domain \"%s\" (%s) is listed twice: it repeats %s once case and "  \
	"the trailing dot are ignored; remove the duplicate.",                 \
	"SIP 域“%s”（%s）重复列出：忽略大小写和末尾的点后，它与 %s 相同；请删除"   \
	"重复的一项。"

#define FEDNS_M_V3_NO_POOL                                                     \
	"the deployment has no edge pool; add one with the Access Edge's "     \
	"public addresses.",                                                   \
	"部署中没有边缘池；请添加一个边缘池，并填写访问边缘的公网地址。"
/* pool */
#define FEDNS_M_V3_NO_ADDRESS                                                  \
	"edge pool \"%s\" has no access_edge address; add the Access Edge's "  \
	"public (post-NAT) IPv4 or IPv6 address.",                             \
	"边缘池“%s”没有 access_edge 地址；请添加访问边缘的公网（NAT 之后的）"      \
	"IPv4 或 IPv6 地址。"
/* domain, pool */
#define FEDNS_M_V3_UNKNOWN_POOL                                                \
	"SIP domain \"%s\" names edge pool \"%s\", which does not exist; use "  \
	"the name of one of the edge pools, or remove edge_pool to use the "   \
	"default pool.",                                                       \
	"SIP 域“%s”指定的边缘池“%s”不存在；请使用现有边缘池的名称，或删除 "       \
	"edge_pool 以使用默认边缘池。"
/* domain, pool count */
#define FEDNS_M_V3_NO_DEFAULT                                                  \
	"SIP domain \"%s\" names no edge pool and there is no default: there " \
	"are %zu edge pools and none has federation_route; set edge_pool on "  \
	"the domain, or federation_route on one pool.",                        \
	"SIP 域“%s”没有指定边缘池，也没有默认边缘池：共有 %zu 个边缘池，但都没有" \
	"设置 federation_route；请为该域设置 edge_pool，或为一个边缘池设置 "     \
	"federation_route。"

/* pool, first pool */
#define FEDNS_M_V4_ROUTE                                                       \
	"edge pool \"%s\" has federation_route, but so has edge pool \"%s\"; " \
	"only one pool may be the federation route, so clear it on one.",      \
	"边缘池“%s”设置了 federation_route，但边缘池“%s”也设置了；只能有一个"     \
	"边缘池作为联盟路由，请清除其中一个的设置。"
/* pool, first pool */
#define FEDNS_M_V4_XMPP                                                        \
	"edge pool \"%s\" has xmpp_proxy, but so has edge pool \"%s\"; only "  \
	"one pool may host the XMPP proxy, so clear it on one.",               \
	"边缘池“%s”设置了 xmpp_proxy，但边缘池“%s”也设置了；只能有一个边缘池"     \
	"承载 XMPP 代理，请清除其中一个的设置。"

/* path, reason (en, zh) */
#define FEDNS_M_V5_INVALID                                                     \
	"%s: " FEDNS_VT_EN "; write a dotted quad or RFC 4291 IPv6 text.",     \
	"%s：" FEDNS_VT_ZH "；请写成点分四段形式或 RFC 4291 IPv6 文本。"
/* pool, path, address */
#define FEDNS_M_V5_HARDWARE                                                    \
	"edge pool \"%s\" uses hardware load balancing, but %s \"%s\" is not a " \
	"public address; a hardware load balancer needs publicly routable "    \
	"addresses without NAT, so use public ones.",                          \
	"边缘池“%s”使用硬件负载平衡，但 %s“%s”不是公网地址；硬件负载平衡器需要"    \
	"不经 NAT 的公网可路由地址，请改用公网地址。"
/* path, address */
#define FEDNS_M_V5_PRIVATE                                                     \
	"%s \"%s\" is not a public address; external DNS must carry the "      \
	"public, post-NAT address, so give the address the NAT publishes.",    \
	"%s“%s”不是公网地址；外部 DNS 必须使用 NAT 之后的公网地址，请填写 NAT "    \
	"对外发布的地址。"

#define FEDNS_M_V6                                                             \
	"push_notifications is on but allow_federated_users is off; push "     \
	"notifications are federation with the Push Notification Clearing "    \
	"House, so turn allow_federated_users on (or push_notifications off).", \
	"已启用 push_notifications，但 allow_federated_users 已关闭；推送通知是"  \
	"与推送通知交换所的联盟，请启用 allow_federated_users（或关闭 "          \
	"push_notifications）。"

#define FEDNS_M_V7_NOT_ALLOWED                                                 \
	"push_notifications is on but push.lync.com is not an allowed domain; " \
	"add push.lync.com to the allowed domains (a step of Microsoft's push " \
	"notification setup).",                                                \
	"已启用 push_notifications，但 push.lync.com 不在允许的域中；请把 "      \
	"push.lync.com 添加到允许的域（这是 Microsoft 推送通知配置的一步）。"
#define FEDNS_M_V7_NO_PROVIDER                                                 \
	"push_notifications is on but no enabled hosting provider has proxy "  \
	"FQDN sipfed.online.lync.com; add one (for example \"LyncOnline\") "   \
	"with verification use_source_verification.",                          \
	"已启用 push_notifications，但没有代理 FQDN 为 sipfed.online.lync.com "  \
	"的已启用托管提供商；请添加一个（例如“LyncOnline”），并将 verification " \
	"设为 use_source_verification。"
/* provider */
#define FEDNS_M_V7_DISABLED                                                    \
	"push_notifications is on but hosting provider \"%s\" "                \
	"(sipfed.online.lync.com) is disabled; enable it: push notifications " \
	"reach the clearing house through it.",                                \
	"已启用 push_notifications，但托管提供商“%s”（sipfed.online.lync.com）"  \
	"已禁用；请启用它：推送通知经由它到达推送通知交换所。"
/* provider, verification */
#define FEDNS_M_V7_VERIFICATION                                                \
	"hosting provider \"%s\" (sipfed.online.lync.com) has verification "   \
	"%s; push notifications need use_source_verification, so set that.",  \
	"托管提供商“%s”（sipfed.online.lync.com）的 verification 为 %s；推送"    \
	"通知需要 use_source_verification，请改为该值。"

/* domain */
#define FEDNS_M_V8                                                             \
	"the federation SRV record _sipfederationtls._tcp.%s is published "    \
	"while partner_discovery is off: any domain can find this Access "     \
	"Edge, and it still admits only the allowed domains; turn "            \
	"partner_discovery on if unlisted partners should be admitted.",       \
	"已发布联盟 SRV 记录 _sipfederationtls._tcp.%s，但 partner_discovery "   \
	"已关闭：任何域都能发现此访问边缘，而它仍只接受允许的域；如需接受未列出"  \
	"的合作伙伴，请启用 partner_discovery。"

/* domain */
#define FEDNS_M_V9                                                             \
	"SIP domain \"%s\" has xmpp on but no edge pool hosts the XMPP proxy; " \
	"set xmpp_proxy on the edge pool that carries XMPP federation (or "    \
	"turn xmpp off for the domain).",                                      \
	"SIP 域“%s”启用了 xmpp，但没有边缘池承载 XMPP 代理；请为承载 XMPP 联盟"   \
	"的边缘池设置 xmpp_proxy（或关闭该域的 xmpp）。"

/* domain, target, pool, domain */
#define FEDNS_M_V10                                                            \
	"the SRV records of SIP domain \"%s\" would point to \"%s\" (the "     \
	"access_edge.fqdn of edge pool \"%s\"), which is outside \"%s\"; "     \
	"Microsoft requires the target's A/AAAA record in the SRV's own "      \
	"domain and partners match it strictly, so give each SIP domain its "  \
	"own host label (access_edge.host) instead.",                          \
	"SIP 域“%s”的 SRV 记录将指向“%s”（边缘池“%s”的 access_edge.fqdn），"      \
	"它不在“%s”之下；Microsoft 要求目标的 A/AAAA 记录位于 SRV 记录自己的域中，" \
	"且合作伙伴严格匹配，请改为让每个 SIP 域使用自己的主机标签"              \
	"（access_edge.host）。"

/* domain, blocked path, allowed path */
#define FEDNS_M_V11_BOTH                                                       \
	"\"%s\" (%s) is also allowed (%s); the server refuses a domain that "  \
	"is both allowed and blocked, so remove one of the entries.",          \
	"“%s”（%s）同时也被允许（%s）；服务器拒绝既被允许又被阻止的域，请删除"     \
	"其中一项。"
/* domain, path */
#define FEDNS_M_V11_OWN                                                        \
	"\"%s\" (%s) is one of this deployment's own SIP domains; federation " \
	"is with other organisations, so remove the entry.",                   \
	"“%s”（%s）是本部署自己的 SIP 域；联盟是与其他组织之间的，请删除该项。"

#define FEDNS_M_V12                                                            \
	"allow_federated_users is on but partner_discovery is off and there "  \
	"are no allowed domains, so no partner and no hosting provider can "   \
	"federate; add the partners' domains (and push.lync.com for push "     \
	"notifications) to the allowed domains, or turn partner_discovery on.", \
	"已启用 allow_federated_users，但 partner_discovery 已关闭且没有允许的"  \
	"域，因此没有合作伙伴或托管提供商能够联盟；请把合作伙伴的域（推送通知还需"  \
	"要 push.lync.com）添加到允许的域，或启用 partner_discovery。"

/* count */
#define FEDNS_M_V13_ALLOWED                                                    \
	"allow_federated_users is off, so the allowed domains (%zu) have no "  \
	"effect; turn allow_federated_users on or remove them.",               \
	"allow_federated_users 已关闭，因此允许的域（%zu 个）不起作用；请启用 "   \
	"allow_federated_users 或删除它们。"
/* count */
#define FEDNS_M_V13_BLOCKED                                                    \
	"allow_federated_users is off, so the blocked domains (%zu) have no "  \
	"effect; turn allow_federated_users on or remove them.",               \
	"allow_federated_users 已关闭，因此阻止的域（%zu 个）不起作用；请启用 "   \
	"allow_federated_users 或删除它们。"
/* count */
#define FEDNS_M_V13_HOSTING                                                    \
	"allow_federated_users is off, so the hosting providers (%zu) have no " \
	"effect; turn allow_federated_users on or remove them.",               \
	"allow_federated_users 已关闭，因此托管提供商（%zu 个）不起作用；请启用 " \
	"allow_federated_users 或删除它们。"
/* value */
#define FEDNS_M_V13_DISCOVERABLE                                               \
	"allow_federated_users is off, so discoverable (set to %d) has no "    \
	"effect; turn allow_federated_users on or leave discoverable unset.",  \
	"allow_federated_users 已关闭，因此 discoverable（设为 %d）不起作用；"    \
	"请启用 allow_federated_users，或不设置 discoverable。"

/* ttl */
#define FEDNS_M_V14_TTL                                                        \
	"ttl %lld is outside 0..2147483647; use a TTL in that range (the "     \
	"default is 3600).",                                                   \
	"ttl %lld 超出 0..2147483647 的范围；请使用该范围内的 TTL（默认值为 "    \
	"3600）。"
/* domain, path, first path */
#define FEDNS_M_V14_DUPLICATE                                                  \
	"\"%s\" (%s) is listed twice: it repeats %s once case and the "        \
	"trailing dot are ignored; remove the duplicate.",                     \
	"“%s”（%s）重复列出：忽略大小写和末尾的点后，它与 %s 相同；请删除重复的"    \
	"一项。"

/* domain count, primary, primary's S */
#define FEDNS_M_V15                                                            \
	"public IM connectivity is on with %zu SIP domains: provision every "  \
	"SIP domain other than the primary \"%s\" with each public IM "        \
	"provider against the primary Access Edge FQDN \"%s\" (providers are " \
	"reported to check only the certificate's subject name).",             \
	"已启用公共 IM 连接，共有 %zu 个 SIP 域：请在每个公共 IM 提供商处，把主域" \
	"“%s”以外的每个 SIP 域都按主访问边缘 FQDN“%s”进行设置（据报道，提供商"    \
	"只检查证书的使用者名称）。"

/* count */
#define FEDNS_M_V16                                                            \
	"the blocked domains (%zu) have no effect while allow_federated_users " \
	"is on and partner_discovery is off: only allowed domains can "        \
	"federate; remove them, or keep them for when partner_discovery is "   \
	"turned on.",                                                          \
	"在启用 allow_federated_users 且关闭 partner_discovery 时，阻止的域"     \
	"（%zu 个）不起作用：只有允许的域才能联盟；请删除它们，或留待启用 "       \
	"partner_discovery 时使用。"

/* pool */
#define FEDNS_M_V17_PUBLIC_IM                                                  \
	"edge pool \"%s\" uses DNS load balancing while public IM "            \
	"connectivity is on: public IM providers (and OCS 2007 partners) "     \
	"lose failover when a member is down; use hardware load balancing "    \
	"for high availability.",                                              \
	"边缘池“%s”使用 DNS 负载平衡，而公共 IM 连接已启用：某个成员停机时，"     \
	"公共 IM 提供商（以及 OCS 2007 合作伙伴）无法故障转移；如需高可用性，"     \
	"请使用硬件负载平衡。"
/* pool */
#define FEDNS_M_V17_XMPP                                                       \
	"edge pool \"%s\" uses DNS load balancing and hosts the XMPP proxy: "  \
	"XMPP partners lose failover when a member is down; use hardware "     \
	"load balancing for high availability.",                               \
	"边缘池“%s”使用 DNS 负载平衡并承载 XMPP 代理：某个成员停机时，XMPP "      \
	"合作伙伴无法故障转移；如需高可用性，请使用硬件负载平衡。"

/* pool, count, family */
#define FEDNS_M_V18_TOO_MANY                                                   \
	"edge pool \"%s\" has %zu access_edge %s addresses; an edge pool "     \
	"supports at most 12 servers, so list at most 12 (one per member).",   \
	"边缘池“%s”有 %zu 个 access_edge %s 地址；一个边缘池最多支持 12 台服务器，" \
	"请最多列出 12 个（每个成员一个）。"
/* pool, count, role, family, access count */
#define FEDNS_M_V18_MISMATCH                                                   \
	"edge pool \"%s\" has %zu %s %s addresses but %zu access_edge ones; "  \
	"a DNS-load-balanced pool needs one of each per member, so make the "  \
	"counts equal.",                                                       \
	"边缘池“%s”有 %zu 个 %s %s 地址，但有 %zu 个 access_edge 地址；DNS 负载"  \
	"平衡的边缘池每个成员各需一个，请使两者数量相同。"
/* pool, load balancing, count, role, family */
#define FEDNS_M_V18_ONE                                                        \
	"edge pool \"%s\" uses %s load balancing but has %zu %s %s "           \
	"addresses; such a pool publishes one address per family (the "        \
	"server's or the VIP's), so keep one, or use dns load balancing.",     \
	"边缘池“%s”使用 %s 负载平衡，却有 %zu 个 %s %s 地址；这种边缘池每个地址族" \
	"只发布一个地址（服务器或 VIP 的地址），请只保留一个，或改用 dns 负载平衡。"

/* provider, path, first path */
#define FEDNS_M_V19_NAME                                                       \
	"provider \"%s\" (%s) has the same name as %s; each provider may "     \
	"appear once, so rename or remove one.",                               \
	"提供商“%s”（%s）与 %s 同名；每个提供商只能出现一次，请重命名或删除其中"   \
	"一个。"
/* provider, path, proxy, first path */
#define FEDNS_M_V19_PROXY                                                      \
	"provider \"%s\" (%s) has the same proxy FQDN \"%s\" as %s; there is " \
	"one relationship per provider, so remove one.",                       \
	"提供商“%s”（%s）的代理 FQDN“%s”与 %s 相同；每个提供商只有一个联盟关系，"  \
	"请删除其中一个。"

/* domain */
#define FEDNS_M_V20                                                            \
	"SIP domain \"%s\" has xmpp on but there are no XMPP partners, so no " \
	"XMPP contact can be reached; add the XMPP partners (or turn xmpp "    \
	"off).",                                                               \
	"SIP 域“%s”启用了 xmpp，但没有 XMPP 合作伙伴，因此无法联系任何 XMPP "     \
	"联系人；请添加 XMPP 合作伙伴（或关闭 xmpp）。"

/* partner, tls, sasl */
#define FEDNS_M_V21_NO_AUTH                                                    \
	"XMPP partner \"%s\" has dialback off with tls %s and sasl %s, so the " \
	"partner's server cannot be authenticated; turn dialback on, or make " \
	"tls and sasl required.",                                              \
	"XMPP 合作伙伴“%s”关闭了 dialback，且 tls 为 %s、sasl 为 %s，因此无法"    \
	"验证合作伙伴的服务器；请启用 dialback，或将 tls 和 sasl 设为 required。"
/* partner, sasl, tls */
#define FEDNS_M_V21_SASL_WITHOUT_TLS                                           \
	"XMPP partner \"%s\" has sasl %s but tls %s: SASL needs TLS, so "      \
	"negotiation may fail; set tls to required (or sasl to "               \
	"not_supported).",                                                     \
	"XMPP 合作伙伴“%s”的 sasl 为 %s，但 tls 为 %s：SASL 需要 TLS，协商可能"    \
	"失败；请将 tls 设为 required（或将 sasl 设为 not_supported）。"
/* partner */
#define FEDNS_M_V21_DIALBACK_UNUSED                                            \
	"XMPP partner \"%s\" has dialback on with tls and sasl both required " \
	"(the cmdlet's defaults), so dialback never runs; you may turn it "    \
	"off.",                                                                \
	"XMPP 合作伙伴“%s”启用了 dialback，且 tls 和 sasl 都为 required（cmdlet "  \
	"的默认值），因此 dialback 永远不会执行；可以关闭它。"

/* path, server */
#define FEDNS_M_V22                                                            \
	"XMPP federation is configured (%s) but server is %s, where the XMPP " \
	"gateway and proxy are not supported; remove the XMPP settings, or "   \
	"use lync2013 or sfb2015.",                                            \
	"已配置 XMPP 联盟（%s），但 server 为 %s，该版本不支持 XMPP 网关和代理；" \
	"请删除 XMPP 设置，或使用 lync2013 或 sfb2015。"

/* domain, domain, S */
#define FEDNS_M_V23                                                            \
	"no federation SRV record is published for SIP domain \"%s\": "        \
	"partners that list \"%s\" as an allowed domain without a proxy FQDN " \
	"cannot find this Access Edge; give them the Access Edge FQDN \"%s\", " \
	"or set discoverable.",                                                \
	"SIP 域“%s”没有发布联盟 SRV 记录：把“%s”列为允许的域但未填写代理 FQDN "   \
	"的合作伙伴找不到此访问边缘；请把访问边缘 FQDN“%s”告诉他们，或设置 "      \
	"discoverable。"

/* provider */
#define FEDNS_M_V24                                                            \
	"public IM provider \"%s\" is enabled, but Microsoft's public IM "     \
	"connectivity services have ended (Windows Live Messenger in 2013, "   \
	"AOL and Yahoo! in 2014, Skype consumer in 2025), and AOL also needed " \
	"the client EKU on the certificate; disable or remove the provider.",  \
	"公共 IM 提供商“%s”已启用，但 Microsoft 的公共 IM 连接服务已经终止"       \
	"（Windows Live Messenger 于 2013 年，AOL 和 Yahoo! 于 2014 年，Skype "  \
	"消费者版于 2025 年），且 AOL 还要求证书带有客户端 EKU；请禁用或删除该"   \
	"提供商。"

/* domain */
#define FEDNS_M_V25                                                            \
	"SIP domain \"%s\" is hosted online (Microsoft 365) and has xmpp set: " \
	"the edge's XMPP proxy serves only on-premises users, so no XMPP "      \
	"record is published for it; clear xmpp, or move the domain back on "  \
	"premises.",                                                            \
	"SIP 域“%s”托管在联机（Microsoft 365）并设置了 xmpp：边缘的 XMPP 代理只"  \
	"为本地用户服务，因此不会为它发布 XMPP 记录；请清除 xmpp，或把该域迁回"   \
	"本地。"

/* domain */
#define FEDNS_M_V26                                                            \
	"SIP domain \"%s\" is hosted online (Microsoft 365) and has mobility "  \
	"set: Microsoft 365 handles push notifications for its users, so the "  \
	"edge publishes no push SRV record for it; clear mobility.",            \
	"SIP 域“%s”托管在联机（Microsoft 365）并设置了 mobility：其用户的推送通知"  \
	"由 Microsoft 365 处理，因此边缘不会为它发布推送 SRV 记录；请清除 "        \
	"mobility。"

/* pool, domain */
#define FEDNS_M_V27                                                            \
	"edge pool \"%s\" serves only SIP domains hosted online (first: "       \
	"\"%s\"): Microsoft 365 serves their users, so no domain record points " \
	"at the pool; serve an on-premises domain from it, or remove it.",      \
	"边缘池“%s”只为联机托管的 SIP 域服务（第一个：“%s”）：这些域的用户由 "      \
	"Microsoft 365 服务，因此没有任何域记录指向该池；请让它为本地 SIP 域服务，" \
	"或删除它。"

#define FEDNS_M_V28                                                            \
	"the reverse proxy has no addresses: its lyncdiscover and simple URL "  \
	"records need its public, post-NAT addresses; add them to "             \
	"reverse_proxy.addresses.",                                             \
	"反向代理没有地址：其 lyncdiscover 和简单 URL 记录需要它经 NAT 之后的公网"  \
	"地址；请把地址添加到 reverse_proxy.addresses。"

/* path, name, domain */
#define FEDNS_M_V29                                                            \
	"%s is %s, which R9 publishes as a CNAME for SIP domain \"%s\" hosted " \
	"online; a CNAME owner can carry no other record, so give this "        \
	"interface another name.",                                              \
	"%s 为 %s，而 R9 已将该名称发布为联机托管的 SIP 域“%s”的 CNAME；CNAME "   \
	"所在的名称不能再有其他记录，请为此接口改用其他名称。"

/* Every message, for the tests: X(rule, message). */
#define FEDNS_VMESSAGES(X)                                                     \
	X(1, FEDNS_M_V1_NAME) X(1, FEDNS_M_V1_LABEL)                           \
	X(1, FEDNS_M_V1_SINGLE_LABEL) X(1, FEDNS_M_V1_OWNER_TOO_LONG)          \
	X(2, FEDNS_M_V2) X(3, FEDNS_M_V3_NO_POOL) X(3, FEDNS_M_V3_NO_ADDRESS)  \
	X(3, FEDNS_M_V3_UNKNOWN_POOL) X(3, FEDNS_M_V3_NO_DEFAULT)              \
	X(4, FEDNS_M_V4_ROUTE) X(4, FEDNS_M_V4_XMPP) X(5, FEDNS_M_V5_INVALID)  \
	X(5, FEDNS_M_V5_HARDWARE) X(5, FEDNS_M_V5_PRIVATE) X(6, FEDNS_M_V6)    \
	X(7, FEDNS_M_V7_NOT_ALLOWED) X(7, FEDNS_M_V7_NO_PROVIDER)              \
	X(7, FEDNS_M_V7_DISABLED) X(7, FEDNS_M_V7_VERIFICATION)                \
	X(8, FEDNS_M_V8) X(9, FEDNS_M_V9) X(10, FEDNS_M_V10)                   \
	X(11, FEDNS_M_V11_BOTH) X(11, FEDNS_M_V11_OWN) X(12, FEDNS_M_V12)      \
	X(13, FEDNS_M_V13_ALLOWED) X(13, FEDNS_M_V13_BLOCKED)                  \
	X(13, FEDNS_M_V13_HOSTING) X(13, FEDNS_M_V13_DISCOVERABLE)             \
	X(14, FEDNS_M_V14_TTL) X(14, FEDNS_M_V14_DUPLICATE) X(15, FEDNS_M_V15) \
	X(16, FEDNS_M_V16) X(17, FEDNS_M_V17_PUBLIC_IM)                        \
	X(17, FEDNS_M_V17_XMPP) X(18, FEDNS_M_V18_TOO_MANY)                    \
	X(18, FEDNS_M_V18_MISMATCH) X(18, FEDNS_M_V18_ONE)                     \
	X(19, FEDNS_M_V19_NAME) X(19, FEDNS_M_V19_PROXY) X(20, FEDNS_M_V20)    \
	X(21, FEDNS_M_V21_NO_AUTH) X(21, FEDNS_M_V21_SASL_WITHOUT_TLS)         \
	X(21, FEDNS_M_V21_DIALBACK_UNUSED) X(22, FEDNS_M_V22) X(23, FEDNS_M_V23) \
	X(24, FEDNS_M_V24) X(25, FEDNS_M_V25) X(26, FEDNS_M_V26)              \
	X(27, FEDNS_M_V27) X(28, FEDNS_M_V28) X(29, FEDNS_M_V29)

#endif
