/**
 * The PostgreSQL server Frontline runs on: its own embedded one by default, an external one when configured.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Database")
package org.frontline.database;
