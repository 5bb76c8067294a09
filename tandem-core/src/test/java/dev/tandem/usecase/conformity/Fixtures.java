package dev.tandem.usecase.conformity;

import dev.tandem.input.InputDocument;
import java.time.LocalDate;

/** In-memory inputs for the conformity use cases: a product profile with EU and US data, and its SBOM. */
final class Fixtures {

    static final LocalDate DAY = LocalDate.of(2026, 12, 1);

    static final String PROFILE = """
            product: Porch Light 3
            version: "3.1"
            model: PL3
            manufacturer: {name: Example Lamps Ltd, address: "1 Example Road, Dublin"}
            craClass: default
            markets: [EU, US]
            placedOnMarket: 2027-01-01
            supportPeriod: {end: 2032-12-31}
            sbom:
              - {path: sbom/porch-light.cdx.json, format: CycloneDX 1.6 JSON}
              - {path: sbom/gone.cdx.json}
            eu:
              conformityModule: Module A
              signatory: {name: A. Person, function: CTO, place: Dublin, date: 2026-11-30}
            us:
              registryUrl: https://registry.example/usctm/pl3
              authorizationDate: 2027-01-10
              authorizedBy: {name: Example CLA, contact: https://cla.example}
              testedBy: {name: Example Lab, contact: https://lab.example}
              accessControl: {passwordOptions: [password], passwordFactoryDefault: password}
              securingThisProduct: {url: https://lamps.example/secure}
              updates: {default: "Automatic - may opt out", options: ["Automatic - may opt out"]}
              deleteData: {url: https://lamps.example/delete}
              accountDeactivation: {url: https://lamps.example/close}
              encryptionAndKeyManagement: {url: https://lamps.example/crypto}
              generalUserInformation: {url: https://lamps.example/security}
              securityContact: https://lamps.example/.well-known/security.txt
              sensors: [{sensing: position, has: false}]
              sbomMaintained: true
            evidence:
              cra-annex-i:
                CRA-I-1: {status: met, justification: Risk assessment RA-1}
                I.2(j): {status: met}
                CRA-I-2j: {status: not met}
                CRA-I-9: {status: met}
                CRA-AVII-1: {status: met}
              nist-ir-8425:
                SU-1: {status: met}
            """;

    static final String SBOM = """
            {"bomFormat": "CycloneDX", "specVersion": "1.6",
             "serialNumber": "urn:uuid:5d3c6f0e-1b2a-4c3d-8e9f-0a1b2c3d4e5f", "version": 1,
             "metadata": {"timestamp": "2026-11-01T00:00:00Z",
                          "component": {"type": "firmware", "bom-ref": "fw", "name": "porch-light", "version": "3.1"}},
             "components": [
               {"type": "library", "bom-ref": "zlib", "name": "zlib", "version": "1.3.1", "purl": "pkg:generic/zlib@1.3.1",
                "supplier": {"name": "zlib"}, "licenses": [{"license": {"id": "Zlib"}}]},
               {"type": "library", "bom-ref": "mbedtls", "name": "mbedtls", "version": "3.6.2",
                "purl": "pkg:github/Mbed-TLS/mbedtls@3.6.2", "supplier": {"name": "Mbed TLS"}}]}
            """;

    private Fixtures() {
    }

    static InputDocument profile() {
        return InputDocument.of("porch-light.yaml", PROFILE);
    }

    static InputDocument profile(String yaml) {
        return InputDocument.of("p.yaml", yaml);
    }

    static InputDocument sbom() {
        return InputDocument.of("sbom/porch-light.cdx.json", SBOM);
    }
}
