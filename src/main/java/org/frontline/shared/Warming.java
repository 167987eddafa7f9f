package org.frontline.shared;

/**
 * A piece of a module's hot path that can run on made-up input and write nothing, declared as a bean of the module,
 * so that the start-up warm-up ({@code frontline.warmup.requests}) runs it often enough for the JIT to compile it
 * before the instance takes traffic. The requests a surge brings are small and many: code that a calm round runs a
 * few times a second runs thousands of times a second then, and an instance that compiles it during the surge stores
 * a third less while it does.
 */
public interface Warming {

	/** Runs the path this many times on made-up input, storing and sending nothing. */
	void warm(int times);
}
