package org.ecgsiglip.model.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import org.ecgsiglip.io.EcgException;
import org.junit.jupiter.api.Test;

class DevicesTest {
    @Test
    void cpuIsAlwaysThere() {
        assertEquals(Device.cpu(), Devices.resolve("cpu"));
    }

    @Test
    void aGpuThatIsNotThereIsAnErrorNotACpuRun() {
        int gpus = Devices.gpuCount();
        String ask = "gpu:" + gpus; // one past the last visible GPU, whatever the machine has
        EcgException e = assertThrows(EcgException.class, () -> Devices.resolve(ask));
        assertTrue(e.getMessage().contains("--device " + ask), e.getMessage());
        if (gpus == 0) {
            assertThrows(EcgException.class, () -> Devices.resolve("gpu"));
            assertThrows(EcgException.class, () -> Devices.resolve("all-gpus"));
            assertThrows(EcgException.class, () -> Devices.resolveAll("all-gpus"), "no GPU: still loud");
        } else {
            assertEquals(gpus, Devices.resolveAll("all-gpus").length, "every visible GPU");
        }
        assertEquals(1, Devices.resolveAll("cpu").length);
    }

    @Test
    void unknownDeviceNames() {
        assertThrows(EcgException.class, () -> Devices.resolve("tpu"));
        assertThrows(EcgException.class, () -> Devices.resolve("gpu:x"));
    }
}
