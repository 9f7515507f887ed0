/**
 * What every {@code hotswap} command shares: its exit codes, the exception that reports a failure
 * as one line, and the {@code --debug} option. The root package and the {@code build} and
 * {@code remote} commands import it; it imports none of them, so the packages form no cycle.
 */
package io.hotswap.cli.command;
