package org.frontline.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Whether to load the demo district, how many residents it has, their seed, the demo users' password, and whether its
 * round starts in the middle of a day ({@link DemoDay}).
 */
@ConfigurationProperties("frontline.demo")
public record DemoProperties(boolean enabled, int residents, long seed, String password, boolean day) {
}
