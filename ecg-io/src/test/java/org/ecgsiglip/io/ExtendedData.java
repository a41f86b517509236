package org.ecgsiglip.io;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Marks a test (class or method) that reads the extended data root ({@link TestData#root()}) rather
 * than the bundled data. The build runs these in a separate surefire execution when the root is named
 * or found (see the parent pom); CI always runs them.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag("extended")
public @interface ExtendedData {
}
