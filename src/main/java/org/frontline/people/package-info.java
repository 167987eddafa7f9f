/**
 * The residents registry: people, their identity documents, phones, addresses and key-population tags.
 */
@org.springframework.modulith.ApplicationModule(displayName = "People")
package org.frontline.people;
