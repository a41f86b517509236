package org.ecgsiglip.io;

/** A setting that cannot be used: an unknown label level, an impossible preprocessing parameter. */
public class ConfigurationException extends EcgException {
    private static final long serialVersionUID = 1L;

    public ConfigurationException(String setting, String problem, String fix) {
        super(null, setting, problem, fix);
    }
}
