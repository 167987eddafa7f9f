package org.frontline.shared;

import java.util.List;

/**
 * A module's part of the home page, contributed as a bean: the figures of the viewer's work that the module has, none
 * for a viewer outside its roles. Every home page load asks every contributor, so it reads counters, not raw rows.
 */
public interface HomeFigures {

	List<HomeFigure> of(Viewer viewer);
}
