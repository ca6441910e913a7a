"""Certificate names (SPEC 6a): Deployment.certs() against `fedns certs`."""
import json
import os
import unittest

import fedns
import support

LANGS = ("en", "zh-CN")


def as_cli_json(cert):
    """A Certificate in the shape of `fedns certs --format json`."""
    return {
        "pool": cert.pool,
        "subject": cert.subject,
        "why": cert.subject_why,
        "san": [{"name": s.name, "reason": s.reason, "why": s.why} for s in cert.sans],
        "notes": [{"note": n.kind, "text": n.text} for n in cert.notes],
    }


class AgainstTheCli(unittest.TestCase):
    maxDiff = None

    def test_certs_equal_fedns_certs_json_field_by_field(self):
        for path in support.examples():
            for lang in LANGS:
                with self.subTest(example=os.path.basename(path), lang=lang):
                    r = support.cli("certs", path, "--format", "json", "--lang", lang)
                    self.assertEqual(r.returncode, 0, r.stderr.decode("utf-8", "replace"))
                    theirs = json.loads(r.stdout)["certificates"]
                    with fedns.Deployment.from_json(support.read(path)) as d:
                        ours = d.certs(lang)
                    self.assertEqual(len(ours), len(theirs))
                    for i, (a, b) in enumerate(zip(ours, theirs)):
                        self.assertIsInstance(a, fedns.Certificate)
                        got = as_cli_json(a)
                        self.assertEqual(set(got), set(b), "the CLI has a field we lack")
                        for field in b:
                            with self.subTest(certificate=i, field=field):
                                self.assertEqual(got[field], b[field])

    def test_a_deployment_without_certificates(self):
        # No on-premises SIP domain with users: no pool needs a certificate.
        with fedns.Deployment() as d:
            d.add_sip_domain("contoso.com", users=False)
            d.add_edge_pool("edge", access_edge_addresses=["131.107.155.10"])
            self.assertEqual(d.certs(), [])


class Certificates(unittest.TestCase):
    def test_sans_notes_and_reasons(self):
        with fedns.Deployment(server="sfb2015", public_im=True) as d:
            d.add_sip_domain("contoso.com", xmpp=True)
            d.add_sip_domain("fabrikam.com")
            d.add_sip_domain("online.example", hosting="online")
            d.add_edge_pool("edge", xmpp_proxy=True, load_balancing="dns",
                            access_edge_addresses=["131.107.155.10", "131.107.155.11"],
                            webconf_edge_fqdn="webconf.contoso.com",
                            webconf_edge_addresses=["131.107.155.20", "131.107.155.21"],
                            av_edge_fqdn="av.contoso.com",
                            av_edge_addresses=["131.107.155.30", "131.107.155.31"])
            d.add_public_provider("Skype", "federation.messenger.msn.com", domains=["live.com"])
            [cert] = d.certs()
            self.assertEqual((cert.pool, cert.subject), ("edge", "sip.contoso.com"))
            self.assertEqual([(s.name, s.reason) for s in cert.sans], [
                ("sip.contoso.com", "subject"),
                ("webconf.contoso.com", "webconf-edge"),
                ("sip.fabrikam.com", "sip-domain"),
                ("contoso.com", "xmpp-domain"),
                ("xmpp.contoso.com", "xmpp-proxy"),
            ])
            self.assertEqual([n.kind for n in cert.notes],
                             ["public-ca", "exportable-key", "client-eku", "no-wildcard"])
            self.assertNotIn("av.contoso.com", [s.name for s in cert.sans])
            self.assertIn("fabrikam.com", cert.sans[2].why)
            self.assertIsInstance(cert.sans, tuple)
            self.assertIsInstance(cert.notes, tuple)
            with self.assertRaises(AttributeError):
                cert.subject = "x"  # type: ignore[misc]
            zh = d.certs("zh-CN")[0]
            self.assertEqual([s.name for s in zh.sans], [s.name for s in cert.sans])
            self.assertFalse(zh.subject_why.isascii())
            self.assertFalse(zh.notes[0].text.isascii())

    def test_a_deployment_with_errors_has_no_certificates(self):
        with fedns.Deployment() as d:
            d.add_sip_domain("contoso.com")
            with self.assertRaises(fedns.FednsError) as cm:
                d.certs()
            self.assertEqual(cm.exception.name, "FEDNS_EINVALID")
            self.assertTrue(cm.exception.diagnostics)
            self.assertEqual(list(cm.exception.diagnostics), d.validate())


if __name__ == "__main__":
    unittest.main()
