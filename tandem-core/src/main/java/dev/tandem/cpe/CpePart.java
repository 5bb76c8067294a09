package dev.tandem.cpe;

/** The {@code part} of a CPE name: an application, an operating system or a hardware device (or ANY). */
public enum CpePart {
    APPLICATION('a'), OPERATING_SYSTEM('o'), HARDWARE('h'), ANY('*');

    private final char letter;

    CpePart(char letter) {
        this.letter = letter;
    }

    /** The letter bindings write: {@code a}, {@code o}, {@code h}, or {@code *}. */
    public char letter() {
        return letter;
    }

    static CpePart of(char letter) {
        return switch (Character.toLowerCase(letter)) {
            case 'a' -> APPLICATION;
            case 'o' -> OPERATING_SYSTEM;
            case 'h' -> HARDWARE;
            case '*' -> ANY;
            default -> null;
        };
    }
}
