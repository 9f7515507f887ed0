package io.hotswap.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a client prints of a reload: a headline and one aligned line per plugin, in the runtime's order. */
class ReloadResultTest {

    @Test
    void outcomeLinesAlignThePluginNamesInTheRuntimesOrder() {
        Map<String, ReloadOutcome> outcomes = new LinkedHashMap<>();
        outcomes.put("alpha", ReloadOutcome.OK);
        outcomes.put("be", ReloadOutcome.RELINKED);
        ReloadResult result = new ReloadResult(3, 12, outcomes);

        assertThat(result.headline()).isEqualTo("reloaded: generation 3 in 12 ms");
        assertThat(result.outcomeLines()).containsExactly("alpha  OK", "be     RELINKED");
    }
}
