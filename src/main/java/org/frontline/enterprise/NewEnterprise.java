package org.frontline.enterprise;

/** An enterprise to register: its unified social credit code is checked, its area is the compound where it stands. */
public record NewEnterprise(String name, String creditCode, String address, String area, String industry,
		Integer staffCount) {
}
