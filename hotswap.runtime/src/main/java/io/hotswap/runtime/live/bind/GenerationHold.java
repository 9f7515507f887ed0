package io.hotswap.runtime.live.bind;

/**
 * How a live call holds the generation whose vault it went through, so that the generation is
 * not freed while the call runs: the same count {@code invokeEach} uses.
 */
public interface GenerationHold {

    /** For vaults that belong to no generation. */
    GenerationHold NONE = new GenerationHold() {
        @Override
        public void enter() {
        }

        @Override
        public void exit() {
        }
    };

    /** Counts a call in; throws {@link IllegalStateException} if the generation was freed. */
    void enter();

    /** Counts a call out. */
    void exit();
}
