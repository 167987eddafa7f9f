package org.frontline.testing;

/** A testing lab that receives boxes of tubes. */
public record Lab(long id, String name, String area) {
}
