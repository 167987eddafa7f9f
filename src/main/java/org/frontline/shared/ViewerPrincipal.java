package org.frontline.shared;

/** A security principal that knows which {@link Viewer} it stands for. */
public interface ViewerPrincipal {

	Viewer viewer();

}
