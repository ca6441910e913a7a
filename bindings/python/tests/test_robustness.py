"""Bad input: every call raises FednsError (TypeError / ValueError for what
Python catches) with a useful message, leaves the deployment unchanged, and
never crashes the interpreter."""
import ctypes
import gc
import unittest

import fedns
import support
from fedns import _native

MB = 1 << 20


class Fixture:
    """A deployment that derives, with one object of every kind."""

    def __init__(self):
        self.d = fedns.Deployment(allow_federated_users=True, partner_discovery=True)
        self.domain = self.d.add_sip_domain("contoso.com")
        self.pool = self.d.add_edge_pool("edge", access_edge_addresses=["131.107.155.10"])
        self.partner = self.d.add_xmpp_partner("jabber.example.org")
        self.public = self.d.add_public_provider("Skype", "federation.messenger.msn.com",
                                                 enabled=False)
        self.hosting = self.d.add_hosting_provider("H", "sipfed.online.lync.com")
        self.proxy = self.d.add_reverse_proxy(["131.107.155.40"])
        self.policy = self.d.policy()
        self.seen = fedns.Observed()

    def state(self):
        return (self.d.validate(), self.d.render("json"), len(self.seen))


def calls_with_a_string(value):
    """Every call that takes a str, with `value` in that place. Where None is
    a valid argument (an optional one), 1 stands in for it."""
    v = value
    o = 1 if value is None else value  # for optional arguments
    return {
        "add_sip_domain(name)": lambda f: f.d.add_sip_domain(v),
        "add_sip_domain(edge_pool)": lambda f: f.d.add_sip_domain("a.com", edge_pool=o),
        "add_edge_pool(name)": lambda f: f.d.add_edge_pool(v),
        "add_edge_pool(access_edge_host)": lambda f: f.d.add_edge_pool("e", access_edge_host=o),
        "add_edge_pool(av_edge_fqdn)": lambda f: f.d.add_edge_pool("e", av_edge_fqdn=o),
        "add_edge_pool(addresses[1])":
            lambda f: f.d.add_edge_pool("e", access_edge_addresses=["192.0.2.1", v]),
        "add_edge_pool(load_balancing)": lambda f: f.d.add_edge_pool("e", load_balancing=o),
        "add_allowed_domain(domain)": lambda f: f.d.add_allowed_domain(v),
        "add_allowed_domain(proxy_fqdn)": lambda f: f.d.add_allowed_domain("a.com", o),
        "add_allowed_domain(comment)": lambda f: f.d.add_allowed_domain("a.com", None, o),
        "add_blocked_domain(domain)": lambda f: f.d.add_blocked_domain(v),
        "add_blocked_domain(comment)": lambda f: f.d.add_blocked_domain("a.com", o),
        "add_xmpp_partner(domain)": lambda f: f.d.add_xmpp_partner(v),
        "add_xmpp_partner(additional_domains[0])":
            lambda f: f.d.add_xmpp_partner("j.org", additional_domains=[v]),
        "add_xmpp_partner(tls)": lambda f: f.d.add_xmpp_partner("j.org", tls=o),
        "add_xmpp_partner(proxy_fqdn)": lambda f: f.d.add_xmpp_partner("j.org", proxy_fqdn=o),
        "add_public_provider(name)": lambda f: f.d.add_public_provider(v, "p.example"),
        "add_public_provider(proxy_fqdn)": lambda f: f.d.add_public_provider("P", v),
        "add_public_provider(domains[0])":
            lambda f: f.d.add_public_provider("P", "p.example", domains=[v]),
        "add_hosting_provider(name)": lambda f: f.d.add_hosting_provider(v, "h.example"),
        "add_hosting_provider(proxy_fqdn)": lambda f: f.d.add_hosting_provider("H", v),
        "add_hosting_provider(verification)":
            lambda f: f.d.add_hosting_provider("H", "h.example", verification=o),
        "Deployment.server": lambda f: setattr(f.d, "server", v),
        "Deployment(server)": lambda f: fedns.Deployment(server=o),
        "SipDomain.set_edge_pool": lambda f: f.domain.set_edge_pool(o),
        "EdgePool.set_access_edge_host": lambda f: f.pool.set_access_edge_host(v),
        "EdgePool.set_fqdn(role)": lambda f: f.pool.set_fqdn(v, "a.com"),
        "EdgePool.set_fqdn(fqdn)": lambda f: f.pool.set_fqdn("av", v),
        "EdgePool.add_address(role)": lambda f: f.pool.add_address(v, "192.0.2.1"),
        "EdgePool.add_address(address)": lambda f: f.pool.add_address("access", v),
        "EdgePool.set_xmpp_host": lambda f: f.pool.set_xmpp_host(v),
        "EdgePool.set(load_balancing)": lambda f: f.pool.set(load_balancing=o),
        "XmppPartner.add_domain": lambda f: f.partner.add_domain(v),
        "XmppPartner.set_proxy_fqdn": lambda f: f.partner.set_proxy_fqdn(o),
        "XmppPartner.set(type)": lambda f: f.partner.set(type=o),
        "PublicProvider.add_domain": lambda f: f.public.add_domain(v),
        "HostingProvider.set(verification)": lambda f: f.hosting.set(verification=o),
        "SipDomain.set(hosting)": lambda f: f.domain.set(hosting=o),
        "add_sip_domain(hosting)": lambda f: f.d.add_sip_domain("a.com", hosting=o),
        "ReverseProxy.add_address": lambda f: f.proxy.add_address(v),
        "ReverseProxy.set_fqdn(name)": lambda f: f.proxy.set_fqdn(v, "dialin.contoso.com"),
        "ReverseProxy.set_fqdn(fqdn)": lambda f: f.proxy.set_fqdn("dialin", o),
        "add_reverse_proxy(addresses[0])": lambda f: fedns.Deployment().add_reverse_proxy([v]),
        "add_reverse_proxy(dialin)": lambda f: fedns.Deployment().add_reverse_proxy(dialin=o),
        "validate(lang)": lambda f: f.d.validate(v),
        "records(lang)": lambda f: f.d.records(v),
        "records(domain)": lambda f: f.d.records(domain=o),
        "render(format)": lambda f: f.d.render(v),
        "render(lang)": lambda f: f.d.render("zone", v),
        "render(domain)": lambda f: f.d.render("zone", "en", o),
        "normalize_name": lambda f: fedns.normalize_name(v),
        "normalize_address": lambda f: fedns.normalize_address(v),
        "decide(domain)": lambda f: f.d.decide(v),
        "decide(protocol)": lambda f: f.d.decide("fabrikam.com", o),
        "Policy.decide(domain)": lambda f: f.policy.decide(v, "xmpp"),
        "Policy.decide(protocol)": lambda f: f.policy.decide("fabrikam.com", o),
        "certs(lang)": lambda f: f.d.certs(v),
        "compare(lang)": lambda f: f.d.compare(f.seen, v),
        "Observed(source)": lambda f: fedns.Observed(o),
        "Observed.set_source": lambda f: f.seen.set_source(o),
        "Observed.source=": lambda f: setattr(f.seen, "source", o),
        "Observed.add_srv(owner)": lambda f: f.seen.add_srv(v, 0, 0, 5061, "sip.a.com"),
        "Observed.add_srv(target)": lambda f: f.seen.add_srv("_sip._tls.a.com", 0, 0, 443, v),
        "Observed.add_a(owner)": lambda f: f.seen.add_a(v, "192.0.2.1"),
        "Observed.add_a(address)": lambda f: f.seen.add_a("sip.a.com", v),
        "Observed.add_aaaa(address)": lambda f: f.seen.add_aaaa("sip.a.com", v),
        "Observed.add_cname(owner)": lambda f: f.seen.add_cname(v, "sip.a.com"),
        "Observed.add_cname(target)": lambda f: f.seen.add_cname("sip.a.com", v),
        "Observed.add_other(owner)": lambda f: f.seen.add_other(v, 16, '"text"'),
        "Observed.add_other(data)": lambda f: f.seen.add_other("a.com", 16, v),
        "Observed.add_failure(owner)": lambda f: f.seen.add_failure(v, "SERVFAIL"),
        "Observed.add_failure(why)": lambda f: f.seen.add_failure("a.com", v),
    }


class BadArguments(unittest.TestCase):
    maxDiff = None

    def assertRefused(self, kind, value, exc=fedns.FednsError):
        """Each call with `value` raises `exc` and changes nothing."""
        f = Fixture()
        before = f.state()
        for name, call in calls_with_a_string(value).items():
            with self.subTest(kind=kind, call=name):
                with self.assertRaises(exc) as cm:
                    call(f)
                self.assertIsInstance(cm.exception, fedns.FednsError)
                self.assertTrue(str(cm.exception))
                self.assertEqual(f.state(), before)
        f.d.close()

    def test_none(self):
        self.assertRefused("None", None, TypeError)

    def test_int_where_str_expected(self):
        self.assertRefused("int", 42, TypeError)

    def test_bytes_where_str_expected(self):
        self.assertRefused("bytes", b"contoso.com", TypeError)

    def test_list_where_str_expected(self):
        self.assertRefused("list", ["contoso.com"], TypeError)

    def test_embedded_nul_is_refused_before_c(self):
        self.assertRefused("NUL", "contoso.com\0evil", ValueError)

    def test_unpaired_surrogate(self):
        self.assertRefused("surrogate", "contoso\ud800.com", ValueError)

    def test_nul_message_says_where(self):
        with fedns.Deployment() as d:
            with self.assertRaises(fedns.FednsValueError) as cm:
                d.add_sip_domain("contoso.com\0evil")
        self.assertIn("NUL", str(cm.exception))
        self.assertIn("index 11", str(cm.exception))
        self.assertEqual(cm.exception.status, 2)

    def test_wrong_types_for_flags_numbers_and_lists(self):
        f = Fixture()
        before = f.state()
        cases = {
            "users='yes'": lambda: f.domain.set(users="yes"),
            "users=1": lambda: f.domain.set(users=1),
            "mobility=[]": lambda: f.d.add_sip_domain("a.com", mobility=[]),
            "dialback=0": lambda: f.partner.set(dialback=0),
            "enabled='true'": lambda: f.public.set(enabled="true"),
            "discoverable=1": lambda: setattr(f.d, "discoverable", 1),
            "ttl='60'": lambda: setattr(f.d, "ttl", "60"),
            "ttl=1.5": lambda: setattr(f.d, "ttl", 1.5),
            "ttl=True": lambda: setattr(f.d, "ttl", True),
            "ttl=None": lambda: setattr(f.d, "ttl", None),
            "Deployment(ttl=None) ok, Deployment(ttl='x')": lambda: fedns.Deployment(ttl="x"),
            "additional_domains='a.com'":
                lambda: f.d.add_xmpp_partner("j.org", additional_domains="a.com"),
            "domains=None": lambda: f.d.add_public_provider("P", "p.example", domains=None),
            "access_edge_addresses='192.0.2.1'":
                lambda: f.d.add_edge_pool("e", access_edge_addresses="192.0.2.1"),
            "xmpp_proxy=1": lambda: f.d.add_edge_pool("e", xmpp_proxy=1),
            "unknown setting": lambda: f.domain.set(colour="blue"),
            "Deployment.set(unknown)": lambda: f.d.set(tll=60),
        }
        for name, call in cases.items():
            with self.subTest(call=name):
                with self.assertRaises(fedns.FednsTypeError) as cm:
                    call()
                self.assertIsInstance(cm.exception, TypeError)
                self.assertTrue(str(cm.exception))
                self.assertEqual(f.state(), before)
        f.d.close()

    def test_wrong_numbers_for_observed_records(self):
        f = Fixture()

        def srv(priority=0, weight=0, port=443, ttl=None, line=0):
            f.seen.add_srv("_sip._tls.a.com", priority, weight, port, "sip.a.com", ttl=ttl,
                           line=line)

        type_errors = {
            "port='443'": lambda: srv(port="443"),
            "port=None": lambda: srv(port=None),
            "priority=1.0": lambda: srv(priority=1.0),
            "weight=True": lambda: srv(weight=True),
            "ttl='3600'": lambda: srv(ttl="3600"),
            "ttl=False": lambda: srv(ttl=False),
            "line=None": lambda: srv(line=None),
            "add_a(line=1.5)": lambda: f.seen.add_a("sip.a.com", "192.0.2.1", line=1.5),
            "add_other(rrtype='16')": lambda: f.seen.add_other("a.com", "16", "x"),
            "add_other(rrtype=None)": lambda: f.seen.add_other("a.com", None, "x"),
            "add_failure(rrtype=None)": lambda: f.seen.add_failure("a.com", "x", rrtype=None),
            "compare(None)": lambda: f.d.compare(None),
            "compare('zone')": lambda: f.d.compare("sip.a.com. 3600 IN A 192.0.2.1"),
            "compare(deployment)": lambda: f.d.compare(f.d),
            "Policy(None)": lambda: fedns.Policy(None),
        }
        value_errors = {
            "port=65536": lambda: srv(port=65536),
            "port=-1": lambda: srv(port=-1),
            "priority=2**16": lambda: srv(priority=1 << 16),
            "ttl=-1": lambda: srv(ttl=-1),
            "ttl=2**32": lambda: srv(ttl=1 << 32),
            "line=-1": lambda: srv(line=-1),
            "line=2**64": lambda: srv(line=1 << 64),
            "add_other(rrtype=65536)": lambda: f.seen.add_other("a.com", 65536, "x"),
            "add_failure(rrtype='TXT')": lambda: f.seen.add_failure("a.com", "x", rrtype="TXT"),
            "add_failure(rrtype=-1)": lambda: f.seen.add_failure("a.com", "x", rrtype=-1),
        }
        before = f.state()
        for cases, exc in ((type_errors, fedns.FednsTypeError),
                           (value_errors, fedns.FednsValueError)):
            for name, call in cases.items():
                with self.subTest(call=name):
                    with self.assertRaises(exc) as cm:
                        call()
                    self.assertTrue(str(cm.exception))
                    self.assertEqual(f.state(), before)
        # The edges of the ranges are taken; ttl=None is "unknown".
        srv(port=65535, priority=65535, weight=0, ttl=(1 << 32) - 1, line=(1 << 32) - 1)
        srv(ttl=None, line=0)
        self.assertEqual(len(f.seen), 2)
        f.d.close()

    def test_a_bad_domain_is_an_error_never_a_decision(self):
        f = Fixture()
        for domain in ("a..b", "", ".", "a b.com", "-a.com", "a" * 64 + ".com", "a.123",
                       "contoso.com\n", "\u00e9" * 70):
            with self.subTest(domain=domain):
                with self.assertRaises(fedns.FednsError) as cm:
                    f.d.decide(domain)
                self.assertEqual(cm.exception.name, "FEDNS_EBADNAME")
                self.assertTrue(cm.exception.detail)
                self.assertNotEqual(cm.exception.detail, "FEDNS_EBADNAME")
                with self.assertRaises(fedns.FednsError) as cm2:
                    f.policy.decide(domain)
                self.assertEqual(str(cm2.exception), str(cm.exception))
        f.d.close()

    def test_unknown_words(self):
        f = Fixture()
        cases = {
            "server": lambda: setattr(f.d, "server", "lync2010"),
            "lang": lambda: f.d.records("fr"),
            "format": lambda: f.d.render("bind"),
            "role": lambda: f.pool.add_address("edge", "192.0.2.1"),
            "load_balancing": lambda: f.pool.set(load_balancing="round-robin"),
            "tls": lambda: f.partner.set(tls="maybe"),
            "protocol": lambda: f.d.decide("fabrikam.com", "SIP"),
            "Policy protocol": lambda: f.policy.decide("fabrikam.com", "h323"),
            "certs lang": lambda: f.d.certs("de"),
            "host and fqdn": lambda: f.d.add_edge_pool("e", access_edge_host="sip",
                                                       access_edge_fqdn="sip.a.com"),
        }
        for name, call in cases.items():
            with self.subTest(call=name):
                with self.assertRaises(fedns.FednsValueError) as cm:
                    call()
                self.assertIsInstance(cm.exception, ValueError)
        with self.assertRaises(fedns.FednsValueError) as cm:
            f.d.render("bind")
        self.assertIn("zone, table, sheet, csv, json", str(cm.exception))
        f.d.close()

    def test_out_of_range_integers(self):
        with fedns.Deployment() as d:
            for value in (1 << 63, -(1 << 63) - 1, 10 ** 100):
                with self.subTest(ttl=value):
                    with self.assertRaises(fedns.FednsValueError) as cm:
                        d.ttl = value
                    self.assertIn("out of range", str(cm.exception))
            self.assertEqual(d.ttl, 3600)
            # Within int64 but not a TTL: the library keeps it, validation says V14.
            for value in ((1 << 63) - 1, -(1 << 63), -1, 1 << 31):
                d.ttl = value
                self.assertEqual(d.ttl, value)
                self.assertIn("V14", [x.rule for x in d.validate()])


class HugeStrings(unittest.TestCase):
    def test_a_megabyte_in_every_string(self):
        f = Fixture()
        huge = "a" * MB
        for name, call in calls_with_a_string(huge).items():
            with self.subTest(call=name):
                try:
                    call(f)
                except fedns.FednsError as e:
                    self.assertTrue(str(e))
                    self.assertLess(len(str(e)), 4096, "a message should not echo 1 MB")
        # The names went to the core as they were; validation reports them.
        diagnostics = f.d.validate()
        self.assertIn("V1", {x.rule for x in diagnostics})
        with self.assertRaises(fedns.FednsError) as cm:
            f.d.records()
        self.assertEqual(cm.exception.name, "FEDNS_EINVALID")
        f.d.close()

    def test_huge_name_and_address(self):
        with fedns.Deployment() as d:
            d.add_sip_domain("a" * MB + ".com")
            d.add_edge_pool("e", access_edge_addresses=["1" * MB])
            rules = {x.rule for x in d.validate()}
            self.assertLessEqual({"V1", "V5"}, rules)
            with self.assertRaises(fedns.FednsError):
                d.render("zone")
        with self.assertRaises(fedns.FednsError) as cm:
            fedns.normalize_name("a" * MB)
        self.assertEqual(cm.exception.name, "FEDNS_EBADNAME")

    def test_huge_unicode_name_is_refused_quickly(self):
        with fedns.Deployment() as d:
            with self.assertRaises(fedns.FednsValueError) as cm:
                d.add_sip_domain("ü" * MB)
            self.assertEqual(cm.exception.name, "FEDNS_EBADNAME")

    def test_huge_documents(self):
        cases = [
            '{"fedns": 1, "' + "k" * MB + '": 1}',
            '{"fedns": 1, "server": "' + "s" * MB + '"}',
            '{"fedns": 1, "sip_domains": [{"name": "' + "a" * MB + '"}]}',
        ]
        for text in cases[:2]:
            with self.assertRaises(fedns.DocumentError) as cm:
                fedns.Deployment.from_json(text)
            self.assertLess(len(str(cm.exception)), 2048)
        with fedns.Deployment.from_json(cases[2]) as d:
            self.assertIn("V1", {x.rule for x in d.validate()})


class ClosedHandles(unittest.TestCase):
    def every_call(self, f):
        return {
            "ttl": lambda: f.d.ttl,
            "ttl=": lambda: setattr(f.d, "ttl", 60),
            "discoverable": lambda: f.d.discoverable,
            "set": lambda: f.d.set(public_im=True),
            "add_sip_domain": lambda: f.d.add_sip_domain("a.com"),
            "add_edge_pool": lambda: f.d.add_edge_pool("e"),
            "add_allowed_domain": lambda: f.d.add_allowed_domain("a.com"),
            "add_blocked_domain": lambda: f.d.add_blocked_domain("a.com"),
            "add_xmpp_partner": lambda: f.d.add_xmpp_partner("a.com"),
            "add_public_provider": lambda: f.d.add_public_provider("P", "p.example"),
            "add_hosting_provider": lambda: f.d.add_hosting_provider("H", "h.example"),
            "validate": lambda: f.d.validate(),
            "records": lambda: f.d.records(),
            "warnings": lambda: f.d.warnings(),
            "render": lambda: f.d.render("zone"),
            "domain.set": lambda: f.domain.set(users=False),
            "domain.set_edge_pool": lambda: f.domain.set_edge_pool("edge"),
            "pool.set": lambda: f.pool.set(federation_route=True),
            "pool.add_address": lambda: f.pool.add_address("access", "192.0.2.1"),
            "pool.set_fqdn": lambda: f.pool.set_fqdn("av", "av.contoso.com"),
            "pool.set_access_edge_host": lambda: f.pool.set_access_edge_host("sip"),
            "pool.set_xmpp_host": lambda: f.pool.set_xmpp_host("xmpp"),
            "partner.set": lambda: f.partner.set(dialback=False),
            "partner.add_domain": lambda: f.partner.add_domain("c.org"),
            "partner.set_proxy_fqdn": lambda: f.partner.set_proxy_fqdn("x.org"),
            "public.set": lambda: f.public.set(enabled=True),
            "public.add_domain": lambda: f.public.add_domain("live.com"),
            "hosting.set": lambda: f.hosting.set(enabled=False),
            "add_reverse_proxy": lambda: f.d.add_reverse_proxy(),
            "proxy.set": lambda: f.proxy.set(meet=False),
            "proxy.add_address": lambda: f.proxy.add_address("192.0.2.1"),
            "proxy.set_fqdn": lambda: f.proxy.set_fqdn("web", "web.contoso.com"),
            "decide": lambda: f.d.decide("fabrikam.com"),
            "policy": lambda: f.d.policy(),
            "Policy()": lambda: fedns.Policy(f.d),
            "certs": lambda: f.d.certs(),
            "compare": lambda: f.d.compare(f.seen),
            "probes": lambda: f.d.probes(),
        }

    def test_every_call_after_close_raises(self):
        f = Fixture()
        f.d.close()
        for name, call in self.every_call(f).items():
            with self.subTest(call=name):
                with self.assertRaises(fedns.FednsValueError) as cm:
                    call()
                self.assertIn("closed", str(cm.exception))
        self.assertIn("deployment closed", repr(f.pool))

    def test_a_closed_policy_or_observed_set(self):
        f = Fixture()
        f.policy.close()
        f.seen.close()
        calls = {
            "Policy.decide": lambda: f.policy.decide("fabrikam.com"),
            "len(Observed)": lambda: len(f.seen),
            "Observed.set_source": lambda: f.seen.set_source("a.zone"),
            "Observed.add_srv": lambda: f.seen.add_srv("_sip._tls.a.com", 0, 0, 443, "sip.a.com"),
            "Observed.add_a": lambda: f.seen.add_a("sip.a.com", "192.0.2.1"),
            "Observed.add_aaaa": lambda: f.seen.add_aaaa("sip.a.com", "2001:db8::1"),
            "Observed.add_cname": lambda: f.seen.add_cname("sip.a.com", "b.example"),
            "Observed.add_other": lambda: f.seen.add_other("a.com", 16, '"x"'),
            "Observed.add_failure": lambda: f.seen.add_failure("a.com", "SERVFAIL"),
            "compare(closed)": lambda: f.d.compare(f.seen),
        }
        for name, call in calls.items():
            with self.subTest(call=name):
                with self.assertRaises(fedns.FednsValueError) as cm:
                    call()
                self.assertIn("closed", str(cm.exception))
        self.assertIn("closed", repr(f.policy))
        self.assertIn("closed", repr(f.seen))
        f.policy.close()
        f.seen.close()
        # The deployment is unaffected.
        self.assertEqual(f.d.decide("fabrikam.com").reason, "discovered")
        f.d.close()

    def test_children_after_the_with_block(self):
        with fedns.Deployment() as d:
            pool = d.add_edge_pool("edge")
            domain = d.add_sip_domain("contoso.com")
        gc.collect()
        with self.assertRaises(fedns.FednsValueError):
            pool.add_address("access", "192.0.2.1")
        with self.assertRaises(ValueError):
            domain.set(users=True)

    def test_close_is_idempotent_and_children_stay_safe(self):
        f = Fixture()
        for _ in range(3):
            f.d.close()
        del f.d
        gc.collect()
        with self.assertRaises(fedns.FednsValueError):
            f.pool.deployment.render("zone")


class Copies(unittest.TestCase):
    def test_policies_and_observed_sets_cannot_be_copied(self):
        import copy
        import pickle
        with support.clean_deployment() as d, d.policy() as p, fedns.Observed() as seen:
            for obj in (p, seen):
                for name, call in (("copy", copy.copy), ("deepcopy", copy.deepcopy),
                                   ("pickle", pickle.dumps)):
                    with self.subTest(type=type(obj).__name__, call=name):
                        with self.assertRaises(fedns.FednsTypeError):
                            call(obj)
            # Results are plain values: they copy and pickle.
            for value in (d.decide("fabrikam.com"), d.certs(), d.probes(),
                          d.compare(seen)):
                self.assertEqual(pickle.loads(pickle.dumps(value)), value)

    def test_a_deployment_cannot_be_copied(self):
        import copy
        import pickle
        with fedns.Deployment() as d:
            for name, call in (("copy", copy.copy), ("deepcopy", copy.deepcopy),
                               ("pickle", pickle.dumps)):
                with self.subTest(call=name):
                    with self.assertRaises(fedns.FednsTypeError):
                        call(d)
            self.assertEqual(d.ttl, 3600)


class Ctypes(unittest.TestCase):
    """The prototypes stop wrong arguments in ctypes, before C."""

    def test_typed_pointers_refuse_the_wrong_handle(self):
        f = Fixture()
        with f.d._using() as dep:
            with self.assertRaises(ctypes.ArgumentError):
                _native.lib.fedns_deployment_set(f.pool._ptr, 0, 60)
            with self.assertRaises(ctypes.ArgumentError):
                _native.lib.fedns_edge_pool_set(dep, 40, 1)
            with self.assertRaises(ctypes.ArgumentError):
                _native.lib.fedns_deployment_set(ctypes.c_void_p(1), 0, 60)
            with self.assertRaises(ctypes.ArgumentError):
                _native.lib.fedns_deployment_add_sip_domain(dep, "str, not bytes", None)
        f.d.close()

    def test_status_errors_carry_the_library_detail(self):
        f = Fixture()
        with f.d._using() as dep:
            with self.assertRaises(fedns.FednsError) as cm:
                _native.lib.fedns_deployment_set(dep, 999, 1)
            self.assertEqual((cm.exception.status, cm.exception.name), (2, "FEDNS_EINVAL"))
            self.assertTrue(cm.exception.detail)
            # A child's failure is explained by its deployment.
            with self.assertRaises(fedns.FednsError) as cm:
                _native.lib.fedns_edge_pool_set(f.pool._ptr, 999, 1)
            self.assertTrue(cm.exception.detail)
            self.assertNotEqual(cm.exception.detail, "FEDNS_EINVAL")
        f.d.close()

    def test_out_of_range_record_index(self):
        f = Fixture()
        with f.d._derived(0, None) as rs:
            count = _native.lib.fedns_recordset_count(rs)
            self.assertGreater(count, 0)
            self.assertIsNone(_native.lib.fedns_record_owner(rs, count))
            self.assertIsNone(_native.lib.fedns_record_owner(rs, (1 << 64) - 1))
            self.assertEqual(_native.lib.fedns_record_type(rs, count), 0)
            # ctypes does not range-check integers (-1 becomes SIZE_MAX): that
            # is why the binding checks every number before a call.
            self.assertIsNone(_native.lib.fedns_record_owner(rs, -1))
        f.d.close()

    def test_free_accepts_null(self):
        _native.lib.fedns_deployment_free(None)
        _native.lib.fedns_recordset_free(None)
        _native.lib.fedns_diagnostics_free(None)
        _native.lib.fedns_policy_free(None)
        _native.lib.fedns_certs_free(None)
        _native.lib.fedns_observed_free(None)
        _native.lib.fedns_findings_free(None)
        _native.lib.fedns_probes_free(None)

    def test_policy_and_observed_handles_are_typed(self):
        f = Fixture()
        lib = _native.lib
        with f.d._using() as dep:
            with self.assertRaises(ctypes.ArgumentError):
                lib.fedns_policy_decide(dep, b"a.com", 1, None, None, None)
            with self.assertRaises(ctypes.ArgumentError):
                lib.fedns_observed_add_a(dep, b"a.com", 0, b"192.0.2.1", 0)
            with self.assertRaises(ctypes.ArgumentError):
                lib.fedns_deployment_compare(dep, f.policy._ptr, None)
        # NULL where the library checks for it: FEDNS_EINVAL, not a crash.
        with self.assertRaises(fedns.FednsError) as cm:
            lib.fedns_policy_decide(f.policy._ptr, None, 1, None, None, None)
        self.assertEqual(cm.exception.name, "FEDNS_EINVAL")
        with self.assertRaises(fedns.FednsError) as cm:
            lib.fedns_policy_decide(f.policy._ptr, b"a.com", 3, None, None, None)
        self.assertEqual(cm.exception.name, "FEDNS_EINVAL")
        with self.assertRaises(fedns.FednsError) as cm:
            lib.fedns_observed_add_a(f.seen._ptr, None, 0, b"192.0.2.1", 0)
        self.assertEqual(cm.exception.name, "FEDNS_EINVAL")
        f.d.close()

    def test_out_of_range_certificate_finding_and_probe_index(self):
        lib = _native.lib
        f = Fixture()
        out = _native.CertsP()
        with f.d._using() as dep:
            lib.fedns_deployment_certs(dep, ctypes.byref(out))
        n = lib.fedns_certs_count(out)
        self.assertGreater(n, 0)
        self.assertIsNone(lib.fedns_cert_pool(out, n))
        self.assertIsNone(lib.fedns_cert_subject_why(out, n, 0))
        self.assertEqual(lib.fedns_cert_san_count(out, n), 0)
        self.assertIsNone(lib.fedns_cert_san(out, 0, 1 << 40))
        self.assertEqual(lib.fedns_cert_san_reason(out, 0, 1 << 40), 0)
        self.assertEqual(lib.fedns_cert_note_kind(out, 0, 1 << 40), 0)
        self.assertIsNone(lib.fedns_cert_note_text(out, 0, 1 << 40, 0))
        lib.fedns_certs_free(out)
        f.seen.add_a("sip.contoso.com", "192.0.2.1")
        findings = _native.FindingsP()
        with f.d._using() as dep:
            lib.fedns_deployment_compare(dep, f.seen._ptr, ctypes.byref(findings))
        n = lib.fedns_findings_count(findings)
        self.assertGreater(n, 0)
        self.assertIsNone(lib.fedns_finding_owner(findings, n))
        self.assertIsNone(lib.fedns_finding_id(findings, n))
        self.assertEqual(lib.fedns_finding_kind(findings, n), 0)
        self.assertEqual(lib.fedns_finding_expected_ttl(findings, n), fedns.TTL_UNKNOWN)
        self.assertEqual(lib.fedns_finding_line(findings, n), 0)
        lib.fedns_findings_free(findings)
        probes = _native.ProbesP()
        with f.d._using() as dep:
            lib.fedns_deployment_probes(dep, ctypes.byref(probes))
        n = lib.fedns_probes_count(probes)
        self.assertIsNone(lib.fedns_probe_name(probes, n))
        self.assertEqual(lib.fedns_probe_type(probes, n), 0)
        lib.fedns_probes_free(probes)
        f.d.close()


if __name__ == "__main__":
    unittest.main()
