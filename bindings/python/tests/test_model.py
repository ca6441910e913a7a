"""The Python API: building a deployment with methods and keywords,
validation, records, rendering, IDN, handles."""
import gc
import json
import os
import threading
import unittest
import weakref
from ctypes import addressof, byref, c_size_t, create_string_buffer
from unittest import mock

import fedns
import support
from fedns import _args, _native


def contoso():
    """docs/examples/contoso.json, built through the API."""
    d = fedns.Deployment(ttl=3600, server="lync2013", allow_federated_users=True,
                         partner_discovery=True, public_im=True, external_access=True)
    d.add_sip_domain("contoso.com", users=True, xmpp=True)
    d.add_edge_pool("edge", xmpp_proxy=True, access_edge_host="sip",
                    access_edge_addresses=["131.107.155.10"])
    d.add_allowed_domain("fabrikam.com", proxy_fqdn="sip.fabrikam.com",
                         comment="long-standing partner")
    d.add_xmpp_partner("jabber.example.org", type="federated", tls="required",
                       sasl="required", dialback=False)
    d.add_public_provider("Skype", "federation.messenger.msn.com",
                          domains=["live.com", "hotmail.com", "outlook.com"])
    return d


class Building(unittest.TestCase):
    maxDiff = None

    def test_api_equals_the_document(self):
        path = os.path.join(support.env_path("FEDNS_EXAMPLES"), "contoso.json")
        with contoso() as ours, fedns.Deployment.from_json(support.read(path)) as doc:
            for fmt in fedns.FORMATS:
                self.assertEqual(ours.render(fmt), doc.render(fmt))
            self.assertEqual(ours.validate(), doc.validate())

    def test_defaults_follow_spec_1(self):
        with fedns.Deployment() as d:
            self.assertEqual(
                (d.ttl, d.server, d.allow_federated_users, d.partner_discovery,
                 d.discoverable, d.push_notifications, d.public_im, d.external_access),
                (3600, "lync2013", False, False, None, False, False, True))

    def test_properties_round_trip(self):
        with fedns.Deployment() as d:
            d.ttl = 60
            d.server = "sfb2015"
            d.discoverable = True
            d.allow_federated_users = True
            self.assertEqual((d.ttl, d.server, d.discoverable, d.allow_federated_users),
                             (60, "sfb2015", True, True))
            d.discoverable = None
            self.assertIsNone(d.discoverable)
            d.set(public_im=True, external_access=False, discoverable=False)
            self.assertEqual((d.public_im, d.external_access, d.discoverable),
                             (True, False, False))

    def test_child_objects(self):
        with fedns.Deployment(allow_federated_users=True, partner_discovery=True) as d:
            a = d.add_sip_domain("contoso.com")
            b = d.add_sip_domain("fabrikam.com", users=False)
            pool = d.add_edge_pool("edge")
            pool.add_address("access", "131.107.155.10")
            pool.add_address("access", "2001:db8::10")
            pool.set(load_balancing="dns")
            pool.set_fqdn("webconf", "webconf.contoso.com")
            pool.add_address("webconf", "131.107.155.20")
            pool.add_address("webconf", "131.107.155.21")
            pool.set_fqdn("av", "av.contoso.com")
            a.set_edge_pool("edge")
            b.set(users=True, mobility=False)
            owners = {r.owner for r in d.records()}
            self.assertIn("sip.fabrikam.com.", owners)
            self.assertIn("webconf.contoso.com.", owners)
            self.assertEqual((a.name, pool.name, a.deployment), ("contoso.com", "edge", d))
            aaaa = [r for r in d.records() if r.type == "AAAA"]
            self.assertEqual(aaaa[0].address, "2001:db8::10")
            self.assertIn("contoso.com", repr(a))

    def test_access_edge_fqdn_and_xmpp_host(self):
        with fedns.Deployment() as d:
            d.add_sip_domain("contoso.com", xmpp=True)
            pool = d.add_edge_pool("edge", access_edge_fqdn="edge.contoso.com",
                                   access_edge_addresses=["131.107.155.10"], xmpp_proxy="im")
            d.add_xmpp_partner("jabber.example.org", additional_domains=["chat.example.org"],
                               proxy_fqdn="xmpp.example.org", dialback=True)
            owners = [r.owner for r in d.records()]
            self.assertIn("edge.contoso.com.", owners)
            self.assertIn("im.contoso.com.", owners)
            pool.set_access_edge_host("access")
            pool.set_xmpp_host("chat")
            owners = [r.owner for r in d.records()]
            self.assertIn("access.contoso.com.", owners)
            self.assertIn("chat.contoso.com.", owners)

    def test_push_and_hosting_providers(self):
        # multi-domain.json's push setup, through the API.
        path = os.path.join(support.env_path("FEDNS_EXAMPLES"), "multi-domain.json")
        with fedns.Deployment(allow_federated_users=True, partner_discovery=False,
                              push_notifications=True) as d:
            d.add_sip_domain("contoso.com", mobility=True)
            d.add_sip_domain("litwareinc.com", mobility=True)
            d.add_sip_domain("adatum.com")
            d.add_edge_pool("edge", access_edge_host="sip",
                            access_edge_addresses=["131.107.155.10"])
            d.add_allowed_domain("push.lync.com",
                                 comment="Lync Mobile push notification clearing house")
            d.add_allowed_domain("fabrikam.com", "sip.fabrikam.com")
            d.add_hosting_provider("LyncOnline", "sipfed.online.lync.com",
                                   verification="use_source_verification", enabled=True)
            with fedns.Deployment.from_json(support.read(path)) as doc:
                self.assertEqual(d.render("zone"), doc.render("zone"))

    def test_blocked_domains_and_providers_settings(self):
        with support.clean_deployment() as d:
            d.set(allow_federated_users=True, public_im=True)
            d.add_blocked_domain("blocked.example", comment="no")
            d.add_blocked_domain("also-blocked.example")
            p = d.add_public_provider("Skype", "federation.messenger.msn.com", enabled=False)
            p.add_domain("live.com")
            p.set(enabled=True)
            h = d.add_hosting_provider("H", "sipfed.online.lync.com")
            h.set(verification="always_unverifiable", enabled=False)
            partner = d.add_xmpp_partner("jabber.example.org")
            partner.add_domain("chat.example.org")
            partner.set_proxy_fqdn("xmpp.example.org")
            partner.set_proxy_fqdn(None)
            partner.set(type="public_verified", tls="optional", sasl="not_supported")
            self.assertEqual(partner.domain, "jabber.example.org")
            self.assertEqual((p.name, h.name), ("Skype", "H"))
            rules = {x.rule for x in d.validate()}
            self.assertIn("V16", rules)  # blocked domains without discovery
            self.assertIn("V24", rules)  # public IM providers ended


class HybridAndReverseProxy(unittest.TestCase):
    def hybrid(self):
        """docs/examples/hybrid.json, built through the API."""
        d = fedns.Deployment(ttl=3600, allow_federated_users=True, partner_discovery=True,
                             push_notifications=True, external_access=True)
        d.add_sip_domain("contoso.com", mobility=True)
        d.add_sip_domain("fabrikam.com", hosting="online")
        d.add_edge_pool("edge", access_edge_host="sip",
                        access_edge_addresses=["131.107.155.10"])
        d.add_allowed_domain("push.lync.com")
        d.add_hosting_provider("LyncOnline", "sipfed.online.lync.com",
                               verification="use_source_verification")
        d.add_reverse_proxy(["131.107.155.40"], lyncdiscover=True, meet=True,
                            dialin="dialin.contoso.com", web_fqdn="webext.contoso.com")
        return d

    def test_api_equals_the_document(self):
        path = os.path.join(support.env_path("FEDNS_EXAMPLES"), "hybrid.json")
        with self.hybrid() as ours, fedns.Deployment.from_json(support.read(path)) as doc:
            for fmt in fedns.FORMATS:
                self.assertEqual(ours.render(fmt), doc.render(fmt))

    def test_online_domain_and_simple_urls(self):
        with self.hybrid() as d:
            by_owner = {(r.owner, r.type): r for r in d.records()}
            cname = by_owner[("sip.fabrikam.com.", "CNAME")]
            self.assertEqual((cname.target, cname.address, cname.port),
                             ("sipdir.online.lync.com.", None, None))
            self.assertEqual(cname.purposes, ("online",))
            srv = by_owner[("_sip._tls.fabrikam.com.", "SRV")]
            self.assertEqual((srv.priority, srv.weight, srv.port), (100, 1, 443))
            self.assertIn(("lyncdiscover.contoso.com.", "A"), by_owner)
            self.assertIn(("meet.contoso.com.", "A"), by_owner)
            self.assertIn(("dialin.contoso.com.", "A"), by_owner)
            self.assertIn(("webext.contoso.com.", "A"), by_owner)

    def test_reverse_proxy_settings(self):
        with support.clean_deployment() as d:
            proxy = d.add_reverse_proxy()
            proxy.add_address("131.107.155.40")
            proxy.add_address("2001:db8::40")
            proxy.set(meet=False)
            proxy.set_fqdn("web", "webext.contoso.com")
            proxy.set_fqdn("web", None)
            proxy.set_fqdn("dialin", "dialin.contoso.com")
            owners = {r.owner for r in d.records()}
            self.assertIn("lyncdiscover.contoso.com.", owners)
            self.assertNotIn("meet.contoso.com.", owners)
            self.assertNotIn("webext.contoso.com.", owners)
            self.assertIn("dialin.contoso.com.", owners)
            # At most one reverse proxy: the library says so.
            with self.assertRaises(fedns.FednsError) as cm:
                d.add_reverse_proxy()
            self.assertEqual(cm.exception.name, "FEDNS_EINVAL")
            self.assertTrue(cm.exception.detail)

    def test_hosting_setting(self):
        with support.clean_deployment() as d:
            other = d.add_sip_domain("fabrikam.com")
            other.set(hosting="online")
            types = {(r.owner, r.type) for r in d.records()}
            self.assertIn(("lyncdiscover.fabrikam.com.", "CNAME"), types)
            other.set(hosting="on_premises")
            types = {(r.owner, r.type) for r in d.records()}
            self.assertIn(("sip.fabrikam.com.", "A"), types)


class Results(unittest.TestCase):
    def test_derivation_error_carries_the_diagnostics(self):
        with fedns.Deployment() as d:
            d.add_sip_domain("contoso.com")
            d.add_sip_domain("Contoso.com.")
            with self.assertRaises(fedns.FednsError) as cm:
                d.records()
            e = cm.exception
            self.assertEqual((e.status, e.name), (6, "FEDNS_EINVALID"))
            self.assertIn("V", str(e))
            self.assertEqual({x.rule for x in e.diagnostics if x.severity == "error"},
                             {"V2", "V3"})
            self.assertTrue(all(isinstance(x, fedns.Diagnostic) for x in e.diagnostics))
            self.assertEqual(list(e.diagnostics), d.validate())
            with self.assertRaises(fedns.FednsError) as cm:
                d.render("table")
            self.assertEqual(cm.exception.status, 6)

    def test_diagnostics_in_chinese(self):
        with fedns.Deployment() as d:
            en = d.validate()
            zh = d.validate(lang="zh-CN")
        self.assertEqual([x.rule for x in en], [x.rule for x in zh])
        self.assertNotEqual(en[0].message, zh[0].message)
        self.assertFalse(zh[0].message.isascii())
        self.assertEqual(en[0].severity, "error")

    def test_records_in_chinese(self):
        with support.clean_deployment() as d:
            self.assertFalse(d.records("zh-CN")[0].comment.isascii())
            self.assertFalse(d.render("table", "zh-CN").isascii())

    def test_unknown_domain(self):
        with support.clean_deployment() as d:
            with self.assertRaises(fedns.FednsError) as cm:
                d.records(domain="fabrikam.com")
            self.assertEqual(cm.exception.name, "FEDNS_ENOTFOUND")
            self.assertIn("fabrikam.com", str(cm.exception))

    def test_render_json_is_the_records(self):
        with support.clean_deployment() as d:
            doc = json.loads(d.render("json"))
            self.assertEqual([r["owner"] for r in doc["records"]],
                             [r.owner for r in d.records()])

    def test_render_is_large_enough_for_many_records(self):
        # Many pools' worth of addresses: the library's text grows to fit.
        with fedns.Deployment() as d:
            d.add_sip_domain("contoso.com")
            pool = d.add_edge_pool("edge", load_balancing="dns")
            for i in range(12):
                pool.add_address("access", "131.107.155.%d" % (10 + i))
                pool.add_address("access", "2001:db8::%x" % (16 + i))
            text = d.render("zone")
            self.assertEqual(text.count(" IN A "), 12)
            self.assertEqual(text.count(" IN AAAA "), 12)
            self.assertTrue(text.endswith("\n"))

    def test_render_is_what_fedns_render_writes(self):
        # Against the C library's two-call API, in every format and language,
        # over several times the library's first block.
        d = contoso()
        for i in range(400):
            d.add_sip_domain("tenant%d.example" % i, mobility=True)
        with d:
            texts = {}
            with d._derived(0, None) as rs:
                for fmt, f in _args.FORMATS.items():
                    for lang, code in _args.LANGS.items():
                        size = c_size_t()
                        _native.lib.fedns_render(rs, f, code, None, 0, byref(size))
                        buf = create_string_buffer(size.value + 1)
                        _native.lib.fedns_render(rs, f, code, buf, len(buf), None)
                        texts[fmt, lang] = buf.raw[:size.value]
            self.assertGreater(len(texts["zone", "en"]), 4 * 65536)
            for (fmt, lang), want in texts.items():
                with self.subTest(format=fmt, lang=lang):
                    self.assertEqual(d.render(fmt, lang).encode("utf-8"), want)

    def test_render_of_no_records_is_empty(self):
        with support.clean_deployment() as d:
            d.add_sip_domain("fabrikam.com", users=False)
            for fmt in ("zone", "sheet", "nsupdate", "powershell"):
                with self.subTest(format=fmt):
                    self.assertEqual(d.render(fmt, domain="fabrikam.com"), "")

    def test_render_frees_the_text_it_gets(self):
        lib = _native.lib
        alloc, free = lib.fedns_render_alloc, lib.fedns_render_free
        got, freed = [], []

        def recording_alloc(rs, fmt, lang, text, size):
            status = alloc(rs, fmt, lang, text, size)
            got.append(addressof(text._obj.contents))
            return status

        def recording_free(text):
            freed.append(addressof(text.contents))
            free(text)

        with support.clean_deployment() as d, \
                mock.patch.object(lib, "fedns_render_alloc", recording_alloc), \
                mock.patch.object(lib, "fedns_render_free", recording_free):
            d.add_sip_domain("fabrikam.com", users=False)
            self.assertTrue(d.render("json"))
            self.assertEqual(d.render("zone", domain="fabrikam.com"), "")
            with self.assertRaises(fedns.FednsError):
                d.render("zone", domain="unknown.example")
        self.assertEqual(len(got), 2)
        self.assertEqual(freed, got)

    def test_normalize_helpers(self):
        self.assertEqual(fedns.normalize_name("Bücher.Example."), "xn--bcher-kva.example")
        self.assertEqual(fedns.normalize_name("SIP.Contoso.COM"), "sip.contoso.com")
        self.assertEqual(fedns.normalize_address("2001:DB8:0:0:0:0:0:1"), "2001:db8::1")
        with self.assertRaises(fedns.FednsError) as cm:
            fedns.normalize_name("a..b")
        self.assertEqual(cm.exception.name, "FEDNS_EBADNAME")
        self.assertIn("label 2", str(cm.exception))
        with self.assertRaises(fedns.FednsError) as cm:
            fedns.normalize_address("1.2.3")
        self.assertEqual(cm.exception.name, "FEDNS_EBADADDR")


class Idn(unittest.TestCase):
    def test_unicode_names_reach_the_core_as_a_labels(self):
        with fedns.Deployment(allow_federated_users=True, partner_discovery=True) as d:
            d.add_sip_domain("Bücher.example")
            d.add_sip_domain("例子。测试")  # ideographic full stop
            d.add_edge_pool("edge", access_edge_addresses=["131.107.155.10"])
            owners = [r.owner for r in d.records()]
            self.assertIn("sip.xn--bcher-kva.example.", owners)
            self.assertIn("sip.xn--fsqu00a.xn--0zwm56d.", owners)
            self.assertTrue(all(o.isascii() for o in owners))
            # records(domain=) converts too.
            one = d.records(domain="bücher.example")
            self.assertTrue(one and all("xn--bcher-kva" in r.owner for r in one))

    def test_unconvertible_name(self):
        with fedns.Deployment() as d:
            with self.assertRaises(fedns.FednsValueError) as cm:
                d.add_sip_domain("bü..example")
            self.assertEqual(cm.exception.name, "FEDNS_EBADNAME")
            self.assertIn("A-labels", str(cm.exception))
            # Nothing reached the core.
            self.assertEqual([x.rule for x in d.validate()], ["V3"])


class Handles(unittest.TestCase):
    def test_context_manager_and_idempotent_close(self):
        with fedns.Deployment() as d:
            self.assertFalse(d.closed)
        self.assertTrue(d.closed)
        d.close()
        d.close()
        self.assertIn("closed", repr(d))

    def test_finalizer_frees_a_dropped_deployment(self):
        d = fedns.Deployment()
        finalizer = d._finalizer
        ref = weakref.ref(d)
        self.assertTrue(finalizer.alive)
        del d
        gc.collect()
        self.assertIsNone(ref())
        self.assertFalse(finalizer.alive)

    def test_children_keep_their_deployment_alive(self):
        domain = fedns.Deployment().add_sip_domain("contoso.com")
        pool = domain.deployment.add_edge_pool("edge")
        gc.collect()
        pool.add_address("access", "131.107.155.10")
        domain.set(mobility=False)
        self.assertEqual(len(pool.deployment.records()), 2)

    def test_threads_share_a_deployment_safely(self):
        d = contoso()
        expected = d.render("zone")
        errors = []

        def work():
            try:
                for _ in range(50):
                    self.assertEqual(d.render("zone"), expected)
            except fedns.FednsValueError:
                pass  # closed under us: raised, not crashed
            except Exception as e:  # pragma: no cover - reported below
                errors.append(e)

        threads = [threading.Thread(target=work) for _ in range(4)]
        for t in threads:
            t.start()
        d.close()
        for t in threads:
            t.join()
        self.assertEqual(errors, [])


if __name__ == "__main__":
    unittest.main()
