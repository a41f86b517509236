package org.ecgsiglip.io.util;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * Turns an {@link IOException} into words a user can act on: the reason ("permission denied",
 * "the disk is full", "a file is in the way of a folder") and what would fix it, for reading and
 * for writing. The JDK's own messages often hold only the path ({@code AccessDeniedException: /x}),
 * so a message built from {@code e.getMessage()} alone says where but not why.
 */
public final class IoProblems {
    private IoProblems() {
    }

    /** The reason, as a sentence fragment without a trailing period. */
    public static String reason(IOException e) {
        String path = e instanceof FileSystemException f && f.getFile() != null ? f.getFile() : null;
        String os = e instanceof FileSystemException f ? f.getReason() : e.getMessage();
        String lower = os == null ? "" : os.toLowerCase(Locale.ROOT);
        if (e instanceof NoSuchFileException) {
            return (path == null ? "the file" : path) + " does not exist";
        }
        if (e instanceof AccessDeniedException || lower.contains("permission denied")) {
            return "permission denied" + (path == null ? "" : " on " + path);
        }
        if (e instanceof FileAlreadyExistsException || e instanceof NotDirectoryException
                || lower.contains("not a directory")) {
            return (path == null ? "a file" : path) + " is in the way: it is a file where a folder is needed"
                    + " (or a file already exists there)";
        }
        if (e instanceof DirectoryNotEmptyException || lower.contains("is a directory")) {
            return (path == null ? "it" : path) + " is a folder, not a file";
        }
        if (e instanceof FileSystemLoopException) {
            return "symbolic links form a loop at " + path;
        }
        if (lower.contains("no space left")) {
            return "the disk is full (no space left on the device)";
        }
        if (lower.contains("quota")) {
            return "the disk quota is exceeded";
        }
        if (lower.contains("read-only file system")) {
            return "the file system is read-only";
        }
        if (e instanceof CharacterCodingException) {
            return "the file is not UTF-8 text";
        }
        String text = os == null || os.isBlank() ? "" : ": " + Quote.head(os, 200);
        return e.getClass().getSimpleName() + (path == null || text.contains(path) ? "" : " on " + path) + text;
    }

    /** What would let a read succeed. */
    public static String readFix(IOException e) {
        String r = reason(e);
        if (e instanceof NoSuchFileException) {
            return "check the path";
        }
        if (r.startsWith("permission denied")) {
            return "make the file readable by this user (chmod/chown) or copy it somewhere readable";
        }
        if (r.contains("is a folder")) {
            return "give the path of a file, not of a folder";
        }
        if (r.contains("is in the way")) {
            return "check the path: one of its folders is a file";
        }
        return "check that the file exists, is readable and is not being written at the same time";
    }

    /** What would let a write succeed. */
    public static String writeFix(IOException e) {
        String r = reason(e);
        if (r.startsWith("permission denied") || r.contains("read-only")) {
            return "write to a folder this user may write to, or change the folder's permissions";
        }
        if (r.contains("is in the way")) {
            return "move or rename the file that is in the way, or choose another output path";
        }
        if (r.contains("is a folder")) {
            return "remove or rename that folder, or choose another output file name";
        }
        if (r.contains("disk is full") || r.contains("quota")) {
            return "free some disk space or write to another disk";
        }
        return "check that the output folder exists and is writable";
    }
}
