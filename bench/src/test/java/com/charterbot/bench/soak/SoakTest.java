package com.charterbot.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class SoakTest {

    @Test
    void readsTheWholeHeapOfTheSerialCollectorNotItsYoungGenerationAlone() {
        String serial = """
                 def new generation   total 116160K, used 8263K [0x0000000687400000, 0x000000068f200000, 0x0000000704d50000)
                  eden space 103296K,   8% used [0x0000000687400000, 0x0000000687c11fb8, 0x000000068d8e0000)
                 tenured generation   total 258048K, used 40960K [0x0000000704d50000, 0x0000000714950000, 0x0000000800000000)
                 Metaspace       used 69120K, committed 70000K, reserved 1114112K
                """;

        assertThat(Soak.heapUsedMib(serial))
                .hasValueSatisfying(mib -> assertThat(mib).isCloseTo((8263 + 40960) / 1024.0, Offset.offset(0.001)));
    }

    @Test
    void readsG1sOneHeapLineAndNothingOfMetaspace() {
        String g1 = """
                 garbage-first heap   total 262144K, used 51200K [0x00000000f0000000, 0x0000000100000000)
                  region size 1024K, 3 young (3072K), 0 survivors (0K)
                 Metaspace       used 69120K, committed 70000K, reserved 1114112K
                """;

        assertThat(Soak.heapUsedMib(g1)).contains(50.0);
        assertThat(Soak.heapUsedMib("12345: no such process")).isEmpty();
    }
}
