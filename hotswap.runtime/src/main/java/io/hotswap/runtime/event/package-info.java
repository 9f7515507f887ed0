/**
 * The events a swapper tells what is attached to it. Internal to the runtime: not exported.
 * Nothing here is null.
 */
package io.hotswap.runtime.event;
