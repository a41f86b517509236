package org.ecgsiglip.io.cinc;

/**
 * The database a CinC 2020/2021 record comes from, recognised from its record name as the Challenge
 * named them: a letter prefix and a number ({@code E07500}, {@code JS20000}, {@code HR06002}).
 * Chapman-Shaoxing and Ningbo share the prefix {@code JS}; the Challenge numbered Chapman-Shaoxing
 * {@code JS00001}-{@code JS10646} and Ningbo from {@code JS10647} (the 2021 training set's
 * {@code chapman_shaoxing} and {@code ningbo} folders; 34,905 Ningbo records end at {@code JS45551}).
 * A name of any other form is {@link #OTHER}.
 */
public enum CincSource {
    /** China Physiological Signal Challenge 2018, {@code A0001}. */
    CPSC_2018("A", "CPSC 2018", 500),
    /** The unused CPSC 2018 data the Challenge added ("CPSC_Extra"), {@code Q0001}. */
    CPSC_2018_EXTRA("Q", "CPSC 2018 extra", 500),
    /** St Petersburg INCART 12-lead arrhythmia database, 30 min at 257 Hz, {@code I0001}. */
    INCART("I", "St Petersburg INCART", 257),
    /** PTB Diagnostic ECG database, 1000 Hz, {@code S0001}. */
    PTB("S", "PTB", 1000),
    /** PTB-XL, 500 Hz, {@code HR00001} (the number is PTB-XL's ecg_id). */
    PTB_XL("HR", "PTB-XL", 500),
    /** Georgia 12-lead ECG Challenge database, {@code E00001}. */
    GEORGIA("E", "Georgia", 500),
    /** Chapman University and Shaoxing People's Hospital, {@code JS00001}-{@code JS10646}. */
    CHAPMAN_SHAOXING("JS", "Chapman-Shaoxing", 500),
    /** Ningbo First Hospital, {@code JS10647} onwards. */
    NINGBO("JS", "Ningbo", 500),
    /** A record name that none of the Challenge's prefixes explains. */
    OTHER("", "other", 0);

    /** The last record number of Chapman-Shaoxing; Ningbo's numbers follow it. */
    public static final int LAST_CHAPMAN_SHAOXING = 10646;

    private final String prefix;
    private final String title;
    private final int samplingHz;

    CincSource(String prefix, String title, int samplingHz) {
        this.prefix = prefix;
        this.title = title;
        this.samplingHz = samplingHz;
    }

    /** The record-name prefix, empty for {@link #OTHER}. */
    public String prefix() {
        return prefix;
    }

    /** A short name for reports. */
    public String title() {
        return title;
    }

    /** The sampling rate the Challenge distributed this source at, 0 for {@link #OTHER}. */
    public int samplingHz() {
        return samplingHz;
    }

    /**
     * The source of a record name: the letters before the digits name it, and for {@code JS} the
     * number decides between Chapman-Shaoxing and Ningbo. Names that are not letters followed by
     * digits, or whose letters are no Challenge prefix, are {@link #OTHER}.
     */
    public static CincSource of(String recordId) {
        int i = 0;
        while (i < recordId.length() && Character.isLetter(recordId.charAt(i))) {
            i++;
        }
        String letters = recordId.substring(0, i);
        String digits = recordId.substring(i);
        if (letters.isEmpty() || digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OTHER;
        }
        if (letters.equals("JS")) {
            return digits.length() <= 9 && Integer.parseInt(digits) <= LAST_CHAPMAN_SHAOXING ? CHAPMAN_SHAOXING
                    : NINGBO;
        }
        for (CincSource s : values()) {
            if (s != OTHER && s.prefix.equals(letters)) {
                return s;
            }
        }
        return OTHER;
    }
}
