package io.hotswap.runtime.live.bind;

/** A live type of one generation: its class, its plugin, its shape made once. */
record BoundType(String name, String plugin, Class<?> type, TypeShape shape) {
}
