package org.ecgsiglip.cli.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ecgsiglip.cli.DownloadCommand;
import org.ecgsiglip.io.ConfigurationException;
import org.ecgsiglip.io.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DownloadCommandTest {
    @TempDir
    Path out;

    @Test
    void commandLineWithIncludePatterns() throws Exception {
        try (LoopbackServer server = new LoopbackServer(TestData.sample(), DownloaderTest.sums(DownloaderTest.FILES))) {
            StringWriter text = new StringWriter();
            CommandLine cli = new CommandLine(new DownloadCommand());
            cli.setOut(new PrintWriter(text));
            int exit = cli.execute("ptb-xl", "--out", out.toString(), "--base-url", server.base().toString(),
                    "--include", "records100/**", "--include", "LICENSE.txt", "--parallel", "2");
            assertEquals(0, exit, text.toString());
            assertTrue(text.toString().contains("ptb-xl: 5 of 6 listed files verified"), text.toString());
            assertTrue(Files.exists(out.resolve("records100/00000/00002_lr.dat")));
            assertFalse(Files.exists(out.resolve("scp_statements.csv")));
            assertTrue(server.requestsFor("scp_statements.csv").isEmpty());
        }
    }

    @Test
    void badArgumentsAreTyped() {
        assertTrue(assertThrows(ConfigurationException.class, () -> DownloadCommand.run("ptb-xxl", null, out, List.of(),
                1, s -> { })).getMessage().contains("ptb-xl"));
        assertTrue(assertThrows(DownloadException.class, () -> DownloadCommand.run("ptb-xl", URI.create("ftp://x/"), out,
                List.of(), 1, s -> { })).getMessage().contains("--base-url"));
        assertThrows(ConfigurationException.class, () -> DownloadCommand.run("ptb-xl", URI.create("http://127.0.0.1:9/"),
                out, List.of(), 0, s -> { }));
        StringWriter help = new StringWriter();
        CommandLine cli = new CommandLine(new DownloadCommand());
        cli.setOut(new PrintWriter(help));
        cli.execute("--help");
        assertTrue(help.toString().contains("Examples:") && help.toString().contains("physionet"), help.toString());
    }

    @Test
    void noMatchingFileIsAnError() throws Exception {
        try (LoopbackServer server = new LoopbackServer(TestData.sample(), DownloaderTest.sums(DownloaderTest.FILES))) {
            DownloadException e = assertThrows(DownloadException.class, () -> DownloadCommand.run("ptb-xl",
                    server.base(), out, List.of("records500/**"), 1, s -> { }));
            assertTrue(e.getMessage().contains("records500/**"), e.getMessage());
        }
    }
}
