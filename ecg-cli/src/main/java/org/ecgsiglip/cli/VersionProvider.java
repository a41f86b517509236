package org.ecgsiglip.cli;

import org.ecgsiglip.io.Toolkit;
import picocli.CommandLine.IVersionProvider;

/** {@code ecg --version}: the toolkit's version and the Java it runs on. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"ecg-siglip " + Toolkit.version(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
    }
}
