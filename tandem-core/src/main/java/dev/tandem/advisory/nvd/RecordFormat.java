package dev.tandem.advisory.nvd;

/** The format a {@link CveRecord} was read from. */
public enum RecordFormat {
    NVD_API_2("NVD CVE API 2.0"), NVD_JSON_1_1("NVD JSON 1.1"), CVE_JSON_5("CVE JSON 5");

    private final String label;

    RecordFormat(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
