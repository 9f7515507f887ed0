package io.hotswap.runtime;

import io.hotswap.api.Vault;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The vault of one generation: a fresh data bag and a fresh extension. */
final class GenerationVault implements Vault {

    private final ConcurrentMap<String, Object> dataBag = new ConcurrentHashMap<>();
    private final Optional<Object> extension;

    GenerationVault(Optional<Object> extension) {
        this.extension = extension;
    }

    @Override
    public ConcurrentMap<String, Object> dataBag() {
        return dataBag;
    }

    @Override
    public Optional<Object> extension() {
        return extension;
    }
}
