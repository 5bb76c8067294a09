package dev.tandem.usecase.reporting;

import dev.tandem.input.InputDocument;

/** Incident records and scenarios as strings: the use-case tests never touch a file. */
final class Records {

    /** A router maker learns of an exploited vulnerability at 23:30 Berlin time and sends the CRA early warning at 09:40. */
    static final String ROUTER = """
            {"entity": {"name": "Havel Networks GmbH", "timeZone": "Europe/Berlin", "euMainEstablishment": "DE",
                        "roles": ["cra-manufacturer"]},
             "event": {"kind": "vulnerability", "activelyExploited": true},
             "timeline": {"awareAt": "2026-11-20T23:30:00+01:00"},
             "submissions": [{"framework": "eu-cra-vulnerability", "stage": "early-warning", "at": "2026-11-21T09:40:00+01:00"}],
             "content": {"userActions": "Disable remote management until firmware 3.2.5 is installed."%s}}
            """;

    /** The same record in YAML. */
    static final String ROUTER_YAML = """
            entity:
              name: Havel Networks GmbH
              timeZone: Europe/Berlin
              euMainEstablishment: DE
              roles: [cra-manufacturer]
            event: {kind: vulnerability, activelyExploited: true}
            timeline:
              awareAt: 2026-11-20T23:30:00+01:00
            submissions:
              - {framework: eu-cra-vulnerability, stage: early-warning, at: "2026-11-21T09:40:00+01:00"}
            """;

    /** The router case as an exercise, fixed on 4 December, the final report sent late on 21 December. */
    static final String SCENARIO = """
            title: Exploited router vulnerability
            description: The CRA ladder from awareness to the final report.
            until: 2026-12-31T23:00:00Z
            incident:
              entity: {name: Havel Networks GmbH, timeZone: Europe/Berlin, euMainEstablishment: DE, roles: [cra-manufacturer]%s}
              event: {kind: vulnerability, activelyExploited: true}
              timeline:
                awareAt: 2026-11-20T23:30:00+01:00
                correctiveMeasureAvailableAt: 2026-12-04T18:00:00+01:00
              submissions:
                - {framework: eu-cra-vulnerability, stage: early-warning, at: "2026-11-21T09:40:00+01:00"}
                - {framework: eu-cra-vulnerability, stage: notification, at: "2026-11-23T21:00:00+01:00"}
                - {framework: eu-cra-vulnerability, stage: final-report, at: "2026-12-21T10:00:00+01:00"}
            """;

    private Records() {
    }

    static IncidentInput router() {
        return router("");
    }

    /** The router record with {@code extraContent} appended inside {@code content}. */
    static IncidentInput router(String extraContent) {
        return IncidentInput.of(InputDocument.of("router.json", ROUTER.formatted(extraContent)));
    }

    static InputDocument scenario() {
        return scenario("");
    }

    /** The scenario with {@code extraEntity} appended inside the entity. */
    static InputDocument scenario(String extraEntity) {
        return InputDocument.of("router-scenario.yaml", SCENARIO.formatted(extraEntity));
    }
}
