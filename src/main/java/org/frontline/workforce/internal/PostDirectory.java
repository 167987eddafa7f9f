package org.frontline.workforce.internal;

import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;

import org.frontline.area.Area;
import org.frontline.area.AreaLevel;
import org.frontline.area.Areas;
import org.frontline.shared.AreaCodes;
import org.frontline.shared.Problem;
import org.frontline.shared.ScopeTarget;
import org.frontline.workforce.Post;
import org.frontline.workforce.PostKind;
import org.frontline.workforce.PostRef;
import org.springframework.stereotype.Component;

/**
 * Finds the post of a place a request names: a sampling site, facility or enterprise through the owning module's
 * {@link ScopeTarget} (so this module knows none of them), a community or command centre through the areas. A post
 * is made the first time its place is staffed.
 */
@Component
public class PostDirectory {

	private static final char[] CODE = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();

	private final PostRepository posts;

	private final Areas areas;

	private final List<ScopeTarget> targets;

	private final SecureRandom random = new SecureRandom();

	PostDirectory(PostRepository posts, Areas areas, List<ScopeTarget> targets) {
		this.posts = posts;
		this.areas = areas;
		this.targets = targets;
	}

	/** The post of the place, made now when it has none; a place that does not exist is a 400 on {@code field}. */
	public Post resolve(PostRef ref, String field) {
		String id = ref.id().strip();
		Optional<Post> known = posts.byPlace(ref.kind(), id);
		if (known.isPresent()) {
			return known.get();
		}
		Place place = place(ref.kind(), id).orElseThrow(() -> Problem.invalid(field + ".id", "workforce.post.unknown",
				ref.kind(), id.length() > 20 ? id.substring(0, 20) : id));
		return posts.ensure(ref.kind(), id, place.name(), place.area(), code());
	}

	private record Place(String name, String area) {
	}

	private Optional<Place> place(PostKind kind, String id) {
		if (kind.isArea()) {
			Optional<Area> area = areas.find(id);
			if (area.isEmpty()) {
				return Optional.empty();
			}
			AreaLevel level = area.get().level();
			if (kind == PostKind.COMMUNITY && level != AreaLevel.COMMUNITY
					|| kind == PostKind.COMMAND && level.compareTo(AreaLevel.SUBDISTRICT) > 0) {
				return Optional.empty();
			}
			String name = kind == PostKind.COMMAND ? area.get().name() + "疫情防控指挥部" : area.get().name();
			return Optional.of(new Place(name, area.get().code()));
		}
		if (!id.matches("\\d{1,18}")) {
			return Optional.empty();
		}
		long placeId = Long.parseLong(id);
		return targets.stream()
			.filter(target -> target.kind() == kind.workplace())
			.findFirst()
			.flatMap(target -> target.areaOf(placeId)
				.filter(AreaCodes::wellFormed)
				.map(area -> new Place(target.nameOf(placeId).orElse(id), area)));
	}

	private String code() {
		char[] code = new char[10];
		for (int i = 0; i < code.length; i++) {
			code[i] = CODE[random.nextInt(CODE.length)];
		}
		return new String(code);
	}
}
