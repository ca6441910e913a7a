"""Federation decisions (SPEC 4): Deployment.decide() and Policy against
`fedns policy`, the compiled policy's cache, the Policy handle."""
import copy
import gc
import json
import os
import tempfile
import threading
import unittest
import weakref

import fedns
import support

# Documents besides docs/examples for the rules the examples do not reach:
# P1 (federation off), P2 (blocked), P6 (XMPP partners, XMPP proxy off).
EXTRA = {
    "federation-off.json": {
        "fedns": 1,
        "sip_domains": [{"name": "contoso.com"}],
        "edge_pools": [{"name": "edge", "access_edge": {"addresses": ["131.107.155.10"]}}],
    },
    "blocked.json": {
        "fedns": 1,
        "sip_domains": [{"name": "contoso.com", "xmpp": True}],
        "edge_pools": [{"name": "edge", "xmpp_proxy": True,
                        "access_edge": {"addresses": ["131.107.155.10"]}}],
        "federation": {"allow_federated_users": True, "partner_discovery": True,
                       "blocked_domains": [{"domain": "blocked.example"}],
                       "allowed_domains": [{"domain": "fabrikam.com"}]},
        "xmpp": {"partners": [
            {"domain": "jabber.example.org", "additional_domains": ["chat.example.org"],
             "proxy_fqdn": "xmpp.example.org", "type": "public_verified"},
            {"domain": "talk.example.net", "type": "public_unverified"}]},
    },
    "xmpp-off.json": {
        "fedns": 1,
        "sip_domains": [{"name": "contoso.com"}],
        "edge_pools": [{"name": "edge", "access_edge": {"addresses": ["131.107.155.10"]}}],
        "federation": {"allow_federated_users": True, "partner_discovery": False},
        "xmpp": {"partners": [{"domain": "jabber.example.org", "type": "federated"}]},
    },
}

# Names no document lists, and the spellings decide() must fold.
OTHERS = ["example.net", "sub.fabrikam.com", "push.lync.com", "FABRIKAM.COM.",
          "Contoso.Com.", "live.com.", "fabrikam.com.example"]


def listed_domains(doc):
    """Every remote or own domain a document names, in document order."""
    out = [s["name"] for s in doc.get("sip_domains", [])]
    fed = doc.get("federation", {})
    out += [x["domain"] for x in fed.get("allowed_domains", [])]
    out += [x["domain"] for x in fed.get("blocked_domains", [])]
    for p in doc.get("xmpp", {}).get("partners", []):
        out += [p["domain"]] + p.get("additional_domains", [])
    for p in doc.get("public_im", {}).get("providers", []):
        out += p.get("domains", [])
    return out


def cli_lines(decision, protocol, domain):
    """What `fedns policy` prints for a Decision (tools/cmd_policy.c)."""
    if decision.route is not None:
        route = decision.route
    elif decision.verdict != "allow":
        route = "none"
    else:
        srv = "_sipfederationtls._tcp" if protocol == "sip" else "_xmpp-server._tcp"
        route = "DNS SRV (%s.%s)" % (srv, fedns.normalize_name(domain))
    return "decision: %s\nreason: %s\nroute: %s\n" % (decision.verdict, decision.reason, route)


class AgainstTheCli(unittest.TestCase):
    maxDiff = None

    def documents(self):
        """(path, document) of every example and of EXTRA, written out."""
        tmp = tempfile.TemporaryDirectory(prefix="fedns-policy-")
        self.addCleanup(tmp.cleanup)
        out = [(p, json.loads(support.read(p))) for p in support.examples()]
        for name, doc in EXTRA.items():
            path = os.path.join(tmp.name, name)
            with open(path, "w", encoding="utf-8") as f:
                json.dump(doc, f)
            out.append((path, doc))
        return out

    def test_decide_equals_fedns_policy(self):
        reasons = set()
        for path, doc in self.documents():
            with fedns.Deployment.from_dict(doc) as d:
                for domain in listed_domains(doc) + OTHERS:
                    for protocol in fedns.PROTOCOLS:
                        with self.subTest(example=os.path.basename(path), domain=domain,
                                          protocol=protocol):
                            ours = d.decide(domain, protocol)
                            r = support.cli("policy", path, "--protocol", protocol, "--", domain)
                            self.assertEqual(r.stdout.decode("utf-8"),
                                             cli_lines(ours, protocol, domain),
                                             r.stderr.decode("utf-8", "replace"))
                            self.assertEqual(r.returncode, 1 if ours.verdict == "deny" else 0)
                            reasons.add(ours.reason)
        # Every reason of SPEC 4 came up at least once.
        self.assertEqual(reasons, set(fedns._args.REASONS))

    def test_invalid_domain_says_what_the_cli_says(self):
        path = support.examples()[0]
        with fedns.Deployment.from_json(support.read(path)) as d:
            for domain in ("a..b", "", "-bad.example", "x" * 64 + ".com", "under_score.com",
                           "1.2.3.4", "a" * 300):
                with self.subTest(domain=domain):
                    with self.assertRaises(fedns.FednsError) as cm:
                        d.decide(domain)
                    e = cm.exception
                    self.assertEqual((e.status, e.name), (3, "FEDNS_EBADNAME"))
                    r = support.cli("policy", path, "--", domain)
                    self.assertEqual(r.returncode, 2)
                    self.assertEqual(r.stdout, b"")
                    self.assertEqual(r.stderr.decode("utf-8"), "fedns: policy: %s\n" % e)
                    with d.policy() as p:
                        with self.assertRaises(fedns.FednsError) as cm:
                            p.decide(domain, "xmpp")
                        self.assertEqual(str(cm.exception), str(e))


class Decisions(unittest.TestCase):
    def test_decision_is_a_frozen_dataclass(self):
        with support.clean_deployment() as d:
            decision = d.decide("fabrikam.com")
            self.assertEqual(decision, fedns.Decision("deny", "federation-disabled", None))
            with self.assertRaises(AttributeError):
                decision.verdict = "allow"  # type: ignore[misc]

    def test_unicode_domains_become_a_labels(self):
        with support.clean_deployment() as d:
            d.set(allow_federated_users=True)
            d.add_allowed_domain("Bücher.example", proxy_fqdn="sip.bücher.example")
            d.add_sip_domain("例子.测试")
            self.assertEqual(d.decide("bücher.example"),
                             fedns.Decision("allow", "allowed", "sip.xn--bcher-kva.example"))
            self.assertEqual(d.decide("XN--BCHER-KVA.example."),
                             d.decide("BÜCHER.EXAMPLE"))
            self.assertEqual(d.decide("例子。测试").verdict, "internal")
            with self.assertRaises(fedns.FednsValueError) as cm:
                d.decide("bü..example")
            self.assertEqual(cm.exception.name, "FEDNS_EBADNAME")

    def test_a_deployment_with_errors_decides_nothing(self):
        with fedns.Deployment() as d:
            d.add_sip_domain("contoso.com")
            with self.assertRaises(fedns.FednsError) as cm:
                d.decide("fabrikam.com")
            e = cm.exception
            self.assertEqual(e.name, "FEDNS_EINVALID")
            self.assertIn("error", {x.severity for x in e.diagnostics})
            with self.assertRaises(fedns.FednsError) as cm:
                d.policy()
            self.assertEqual(cm.exception.name, "FEDNS_EINVALID")
            self.assertIsNone(d._policy)
            d.add_edge_pool("edge", access_edge_addresses=["131.107.155.10"])
            self.assertEqual(d.decide("fabrikam.com").reason, "federation-disabled")


class Cache(unittest.TestCase):
    """decide() compiles once and recompiles after any change."""

    def test_compiled_once_and_kept_by_reads(self):
        with support.clean_deployment() as d:
            d.decide("fabrikam.com")
            policy = d._policy
            self.assertIsNotNone(policy)
            for read in (d.validate, d.records, d.certs, d.probes, lambda: d.render("zone"),
                         lambda: d.ttl, lambda: d.compare(fedns.Observed()),
                         lambda: d.decide("example.net", "xmpp")):
                read()
                self.assertIs(d._policy, policy)

    def test_every_setter_and_adder_drops_it(self):
        d = fedns.Deployment()
        self.addCleanup(d.close)
        d.add_sip_domain("contoso.com")
        pool = d.add_edge_pool("edge", access_edge_addresses=["131.107.155.10"])
        domain = d.add_sip_domain("litwareinc.com")
        domain.set_edge_pool("edge")
        partner = d.add_xmpp_partner("jabber.example.org", type="federated")
        public = d.add_public_provider("Skype", "federation.messenger.msn.com", enabled=False)
        hosting = d.add_hosting_provider("LyncOnline", "sipfed.online.lync.com", enabled=False)
        proxy = d.add_reverse_proxy(["131.107.155.40"])

        def ask(domain="fabrikam.com", protocol="sip"):
            decision = d.decide(domain, protocol)
            return (decision.verdict, decision.reason, decision.route)

        # Each step: a change, then what decide() must answer after it.
        steps = [
            (lambda: None, ask, ("deny", "federation-disabled", None)),
            (lambda: setattr(d, "allow_federated_users", True), ask,
             ("deny", "not-allowed", None)),
            (lambda: d.set(partner_discovery=True), ask, ("allow", "discovered", None)),
            (lambda: d.add_allowed_domain("fabrikam.com", "sip.fabrikam.com"), ask,
             ("allow", "allowed", "sip.fabrikam.com")),
            (lambda: d.add_blocked_domain("blocked.example"), lambda: ask("blocked.example"),
             ("deny", "blocked", None)),
            (lambda: d.add_sip_domain("fourthcoffee.com", users=False),
             lambda: ask("FourthCoffee.com"), ("internal", "internal", None)),
            (lambda: None, lambda: ask("jabber.example.org", "xmpp"),
             ("deny", "xmpp-disabled", None)),
            (lambda: pool.set(xmpp_proxy=True), lambda: ask("jabber.example.org", "xmpp"),
             ("allow", "federated", None)),
            (lambda: partner.set(type="public_verified"),
             lambda: ask("jabber.example.org", "xmpp"), ("allow", "public-verified", None)),
            (lambda: partner.set_proxy_fqdn("xmpp.example.org"),
             lambda: ask("jabber.example.org", "xmpp"),
             ("allow", "public-verified", "xmpp.example.org")),
            (lambda: partner.add_domain("chat.example.org"),
             lambda: ask("chat.example.org", "xmpp"),
             ("allow", "public-verified", "xmpp.example.org")),
            (lambda: d.add_xmpp_partner("talk.example.net"),
             lambda: ask("talk.example.net", "xmpp"), ("allow", "public-unverified", None)),
            (lambda: public.add_domain("live.com"), lambda: ask("live.com"),
             ("allow", "discovered", None)),
            (lambda: d.set(public_im=True), lambda: ask("live.com"),
             ("allow", "discovered", None)),
            (lambda: public.set(enabled=True), lambda: ask("live.com"),
             ("allow", "public-provider", "federation.messenger.msn.com")),
            (lambda: d.add_allowed_domain("push.lync.com"), lambda: ask("push.lync.com"),
             ("allow", "allowed", None)),
            (lambda: hosting.set(enabled=True), lambda: ask("push.lync.com"),
             ("allow", "allowed", "sipfed.online.lync.com")),
            (lambda: d.set(allow_federated_users=False), lambda: ask("push.lync.com"),
             ("deny", "federation-disabled", None)),
        ]
        for i, (change, question, answer) in enumerate(steps):
            with self.subTest(step=i, answer=answer):
                change()
                self.assertEqual(question(), answer)
        # The other setters drop the compiled policy too (their effect on
        # decisions is nil, but a cache must not guess that).
        others = [
            lambda: setattr(d, "ttl", 60), lambda: setattr(d, "server", "sfb2015"),
            lambda: setattr(d, "discoverable", None), lambda: domain.set(mobility=True),
            lambda: domain.set_edge_pool(None), lambda: pool.set_fqdn("av", "av.contoso.com"),
            lambda: pool.add_address("av", "131.107.155.30"),
            lambda: pool.set_access_edge_host("sip"), lambda: pool.set_xmpp_host("xmpp"),
            lambda: hosting.set(verification="always_verifiable"),
            lambda: proxy.set(meet=False), lambda: proxy.add_address("131.107.155.41"),
            lambda: proxy.set_fqdn("web", "webext.contoso.com"),
            lambda: d.add_public_provider("P", "p.example"),
            lambda: d.add_hosting_provider("H", "h.example"),
            lambda: pool.set(federation_route=True),
            lambda: d.add_edge_pool("edge2", access_edge_addresses=["131.107.155.11"]),
        ]
        for i, change in enumerate(others):
            with self.subTest(other=i):
                d.decide("fabrikam.com")
                policy = d._policy
                change()
                self.assertIsNone(d._policy)
                self.assertTrue(policy.closed)

    def test_a_failed_change_still_recompiles(self):
        with support.clean_deployment() as d:
            d.add_reverse_proxy(["131.107.155.40"])
            d.decide("fabrikam.com")
            with self.assertRaises(fedns.FednsError):
                d.add_reverse_proxy()  # at most one: the library refuses
            self.assertIsNone(d._policy)
            self.assertEqual(d.decide("fabrikam.com").reason, "federation-disabled")

    def test_close_frees_it(self):
        d = support.clean_deployment()
        d.decide("fabrikam.com")
        policy = d._policy
        d.close()
        self.assertTrue(policy.closed)
        with self.assertRaises(fedns.FednsValueError) as cm:
            d.decide("fabrikam.com")
        self.assertIn("closed", str(cm.exception))


class PolicyHandle(unittest.TestCase):
    def test_policy_equals_decide(self):
        path = os.path.join(support.env_path("FEDNS_EXAMPLES"), "contoso.json")
        doc = json.loads(support.read(path))
        with fedns.Deployment.from_dict(doc) as d, d.policy() as p:
            self.assertIsInstance(p, fedns.Policy)
            self.assertIsNot(p, d._policy)
            for domain in listed_domains(doc) + OTHERS:
                for protocol in fedns.PROTOCOLS:
                    self.assertEqual(p.decide(domain, protocol), d.decide(domain, protocol))
            with fedns.Policy(d) as q:
                self.assertEqual(q.decide("live.com"), p.decide("live.com"))

    def test_a_policy_is_a_snapshot_that_outlives_its_deployment(self):
        d = support.clean_deployment()
        p = d.policy()
        d.set(allow_federated_users=True, partner_discovery=True)
        self.assertEqual(p.decide("fabrikam.com").reason, "federation-disabled")
        self.assertEqual(d.decide("fabrikam.com").reason, "discovered")
        d.close()
        del d
        gc.collect()
        self.assertEqual(p.decide("fabrikam.com").reason, "federation-disabled")
        p.close()

    def test_close_context_manager_and_finalizer(self):
        with support.clean_deployment() as d:
            with d.policy() as p:
                self.assertFalse(p.closed)
            self.assertTrue(p.closed)
            p.close()
            p.close()
            self.assertIn("closed", repr(p))
            with self.assertRaises(fedns.FednsValueError) as cm:
                p.decide("fabrikam.com")
            self.assertIn("policy is closed", str(cm.exception))
            q = d.policy()
            finalizer = q._finalizer
            ref = weakref.ref(q)
            del q
            gc.collect()
            self.assertIsNone(ref())
            self.assertFalse(finalizer.alive)

    def test_a_policy_cannot_be_copied(self):
        with support.clean_deployment() as d, d.policy() as p:
            for call in (copy.copy, copy.deepcopy):
                with self.assertRaises(fedns.FednsTypeError):
                    call(p)

    def test_policy_wants_a_deployment(self):
        for value in (None, "contoso.json", {"fedns": 1}):
            with self.assertRaises(fedns.FednsTypeError):
                fedns.Policy(value)
        d = support.clean_deployment()
        d.close()
        with self.assertRaises(fedns.FednsValueError):
            fedns.Policy(d)
        with self.assertRaises(fedns.FednsValueError):
            d.policy()

    def test_threads_share_a_policy(self):
        with support.clean_deployment() as d:
            d.set(allow_federated_users=True, partner_discovery=True)
            for i in range(200):
                d.add_allowed_domain("partner%d.example" % i, "sip.partner%d.example" % i)
            p = d.policy()
        errors = []

        def work(k):
            try:
                for i in range(k, 200, 4):
                    want = fedns.Decision("allow", "allowed", "sip.partner%d.example" % i)
                    self.assertEqual(p.decide("Partner%d.Example." % i), want)
            except Exception as e:  # pragma: no cover - reported below
                errors.append(e)

        threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(errors, [])

        # Closing under running threads: each decide() either answers or raises.
        def race():
            try:
                for _ in range(500):
                    p.decide("partner1.example")
            except fedns.FednsValueError:
                pass
            except Exception as e:  # pragma: no cover
                errors.append(e)

        threads = [threading.Thread(target=race) for _ in range(4)]
        for t in threads:
            t.start()
        p.close()
        for t in threads:
            t.join()
        self.assertEqual(errors, [])


if __name__ == "__main__":
    unittest.main()
