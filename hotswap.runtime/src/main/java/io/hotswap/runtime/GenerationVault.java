package io.hotswap.runtime;

import io.hotswap.api.LiveFunctions;
import io.hotswap.api.LiveTypes;
import io.hotswap.api.Vault;
import io.hotswap.runtime.live.bind.LiveVault;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The vault of one generation: its live names, a fresh data bag and a fresh extension. */
final class GenerationVault implements Vault {

    private final LiveVault live;
    private final ConcurrentMap<String, Object> dataBag = new ConcurrentHashMap<>();
    private final Optional<Object> extension;

    GenerationVault(LiveVault live, Optional<Object> extension) {
        this.live = live;
        this.extension = extension;
    }

    @Override
    public LiveFunctions liveFuncs() {
        return live.functions();
    }

    @Override
    public LiveTypes liveTypes() {
        return live.types();
    }

    @Override
    public ConcurrentMap<String, Object> dataBag() {
        return dataBag;
    }

    @Override
    public Optional<Object> extension() {
        return extension;
    }

    /** The live names and where each plugin's came from. */
    LiveVault live() {
        return live;
    }
}
