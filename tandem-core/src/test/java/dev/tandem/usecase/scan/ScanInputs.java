package dev.tandem.usecase.scan;

import dev.tandem.input.InputDocument;
import java.util.List;

/**
 * In-memory inputs for the scan use cases: one product's SBOM written in each supported format
 * with the same content, OSV records (JSON and YAML) and both KEV catalogues. No files.
 */
final class ScanInputs {

    static final String LOG4J_PURL = "pkg:maven/org.apache.logging.log4j/log4j-core@%s";

    private ScanInputs() {
    }

    /** The product's SBOM in CycloneDX JSON; {@code productVersion} and {@code log4j} vary the content. */
    static InputDocument cycloneDxJson(String name, String productVersion, String log4j) {
        return InputDocument.of(name, """
                {"bomFormat":"CycloneDX","specVersion":"1.6","version":1,
                 "metadata":{"manufacturer":{"name":"Acme"},
                  "component":{"type":"firmware","bom-ref":"app","name":"Router firmware","version":"%s"}},
                 "components":[
                  {"type":"library","bom-ref":"dj","name":"Django","version":"3.2.0","purl":"pkg:pypi/Django@3.2.0"},
                  {"type":"library","bom-ref":"l4j","group":"org.apache.logging.log4j","name":"log4j-core","version":"%s",
                   "purl":"pkg:maven/org.apache.logging.log4j/log4j-core@%s"},
                  {"type":"firmware","bom-ref":"blob","name":"modem blob","version":"7"}],
                 "dependencies":[{"ref":"app","dependsOn":["dj"]},{"ref":"dj","dependsOn":["l4j"]}]}
                """.formatted(productVersion, log4j, log4j));
    }

    static InputDocument cycloneDxJson() {
        return cycloneDxJson("router.cdx.json", "1.0", "2.14.1");
    }

    static InputDocument cycloneDxXml() {
        return InputDocument.of("router.cdx.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <bom xmlns="http://cyclonedx.org/schema/bom/1.6" version="1">
                 <metadata><manufacturer><name>Acme</name></manufacturer>
                  <component type="firmware" bom-ref="app"><name>Router firmware</name><version>1.0</version></component></metadata>
                 <components>
                  <component type="library" bom-ref="dj"><name>Django</name><version>3.2.0</version><purl>pkg:pypi/django@3.2.0</purl></component>
                  <component type="library" bom-ref="l4j"><group>org.apache.logging.log4j</group><name>log4j-core</name><version>2.14.1</version><purl>pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1</purl></component>
                  <component type="firmware" bom-ref="blob"><name>modem blob</name><version>7</version></component>
                 </components>
                </bom>
                """);
    }

    static InputDocument spdxJson() {
        return InputDocument.of("router.spdx.json", """
                {"spdxVersion":"SPDX-2.3","dataLicense":"CC0-1.0","SPDXID":"SPDXRef-DOCUMENT","name":"router",
                 "documentNamespace":"https://example.com/router","creationInfo":{"created":"2026-01-01T00:00:00Z","creators":["Tool: x"]},
                 "documentDescribes":["SPDXRef-app"],
                 "packages":[
                  {"SPDXID":"SPDXRef-app","name":"Router firmware","versionInfo":"1.0","downloadLocation":"NOASSERTION","supplier":"Organization: Acme"},
                  {"SPDXID":"SPDXRef-dj","name":"Django","versionInfo":"3.2.0","downloadLocation":"NOASSERTION",
                   "externalRefs":[{"referenceCategory":"PACKAGE-MANAGER","referenceType":"purl","referenceLocator":"pkg:pypi/django@3.2.0"}]},
                  {"SPDXID":"SPDXRef-l4j","name":"log4j-core","versionInfo":"2.14.1","downloadLocation":"NOASSERTION",
                   "externalRefs":[{"referenceCategory":"PACKAGE-MANAGER","referenceType":"purl","referenceLocator":"pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1"}]},
                  {"SPDXID":"SPDXRef-blob","name":"modem blob","versionInfo":"7","downloadLocation":"NOASSERTION"}],
                 "relationships":[{"spdxElementId":"SPDXRef-app","relationshipType":"DEPENDS_ON","relatedSpdxElement":"SPDXRef-dj"},
                  {"spdxElementId":"SPDXRef-dj","relationshipType":"DEPENDS_ON","relatedSpdxElement":"SPDXRef-l4j"}]}
                """);
    }

    static InputDocument spdxTagValue() {
        return InputDocument.of("router.spdx", """
                SPDXVersion: SPDX-2.3
                DataLicense: CC0-1.0
                SPDXID: SPDXRef-DOCUMENT
                DocumentName: router
                DocumentNamespace: https://example.com/router
                Creator: Tool: x
                Created: 2026-01-01T00:00:00Z

                PackageName: Router firmware
                SPDXID: SPDXRef-app
                PackageVersion: 1.0
                PackageSupplier: Organization: Acme
                PackageDownloadLocation: NOASSERTION

                PackageName: Django
                SPDXID: SPDXRef-dj
                PackageVersion: 3.2.0
                PackageDownloadLocation: NOASSERTION
                ExternalRef: PACKAGE-MANAGER purl pkg:pypi/django@3.2.0

                PackageName: log4j-core
                SPDXID: SPDXRef-l4j
                PackageVersion: 2.14.1
                PackageDownloadLocation: NOASSERTION
                ExternalRef: PACKAGE-MANAGER purl pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1

                PackageName: modem blob
                SPDXID: SPDXRef-blob
                PackageVersion: 7
                PackageDownloadLocation: NOASSERTION

                Relationship: SPDXRef-DOCUMENT DESCRIBES SPDXRef-app
                Relationship: SPDXRef-app DEPENDS_ON SPDXRef-dj
                Relationship: SPDXRef-dj DEPENDS_ON SPDXRef-l4j
                """);
    }

    /** Log4Shell (JSON, a GHSA record with its CVE alias) and a Django issue (YAML). */
    static List<InputDocument> osv() {
        return List.of(InputDocument.of("osv/log4j.json", """
                {"id":"GHSA-jfh8-c2jp-5v3q","modified":"2021-12-10T00:00:00Z","aliases":["CVE-2021-44228"],
                 "summary":"Remote code injection in Log4j",
                 "affected":[{"package":{"ecosystem":"Maven","name":"org.apache.logging.log4j:log4j-core"},
                  "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"2.0-beta9"},{"fixed":"2.15.0"}]}]}],
                 "severity":[{"type":"CVSS_V3","score":"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H"}]}
                """), InputDocument.of("osv/django.yaml", """
                id: PYSEC-2021-1
                modified: 2021-01-01T00:00:00Z
                aliases: [CVE-2021-0001]
                summary: Django issue
                affected:
                  - package:
                      ecosystem: PyPI
                      name: django
                    ranges:
                      - type: ECOSYSTEM
                        events:
                          - introduced: "3.0"
                          - fixed: "3.2.5"
                """));
    }

    /** CISA's catalogue listing Log4Shell (or, with {@code cve}, another CVE only). */
    static InputDocument cisaKev(String cve) {
        return InputDocument.of("kev/cisa.json", """
                {"title":"CISA Catalog of Known Exploited Vulnerabilities","catalogVersion":"2026.01.01","count":1,
                 "vulnerabilities":[{"cveID":"%s","vendorProject":"Apache","product":"Log4j2",
                  "vulnerabilityName":"Apache Log4j2 Remote Code Execution Vulnerability","dateAdded":"2021-12-10",
                  "dueDate":"2021-12-24","knownRansomwareCampaignUse":"Known"}]}
                """.formatted(cve));
    }

    static InputDocument cisaKev() {
        return cisaKev("CVE-2021-44228");
    }

    /** The EU KEV list, naming a CVE none of the advisories has. */
    static InputDocument euKev() {
        return InputDocument.of("kev/eu.json", """
                [{"cveID":"CVE-2022-26134","vendorProject":"Atlassian","product":"Confluence","dateReported":"2026/07/31",
                  "exploitationType":["APT"]}]
                """);
    }
}
