package org.frontline.planning.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToIntFunction;

import org.frontline.shared.AreaCodes;

/**
 * Who goes where. A compound's walk-in residents go to the nearest sampling sites, those whose area shares the
 * deepest level of the hierarchy with the compound (a site inside the compound, then one for its community, then a
 * site in a neighbouring compound of the same community, then its subdistrict...), shared among equally near sites so
 * that each has about as many people per station; compounds with a site of their own are placed first. Its bedridden
 * residents, and everyone a zone samples at home (all of it or some of its buildings), go to the nearest door-to-door
 * teams the same way. Then the round's moves apply in order: a compound's people at one site go to another.
 */
public final class Assignment {

	/** Sites outside the compound's district serve nobody. */
	private static final int FARTHEST = 4;

	private Assignment() {
	}

	/** A compound's residents who come to a site and those who are visited at home. */
	public record Demand(String compound, int walkIn, int doorToDoor) {
	}

	/** A site (or door-to-door team) with the areas it serves and its stations (or teams). */
	public record Place(long id, boolean doorToDoor, List<String> serves, int stations) {
	}

	/** A compound's people at {@code from} (its unserved people when null) go to {@code to}. */
	public record Move(String compound, Long from, long to) {
	}

	/** People per compound at each walk-in site and door-to-door team, and per compound those nobody serves. */
	public record Result(Map<Long, Map<String, Integer>> walkIn, Map<Long, Map<String, Integer>> doorToDoor,
			Map<String, Integer> walkInUnserved, Map<String, Integer> doorToDoorUnserved) {

		public int people(long place) {
			Map<String, Integer> shares = walkIn.containsKey(place) ? walkIn.get(place) : doorToDoor.get(place);
			return shares == null ? 0 : shares.values().stream().mapToInt(Integer::intValue).sum();
		}
	}

	public static Result assign(List<Demand> demands, List<Place> places, List<Move> moves) {
		List<Place> walkInPlaces = places.stream().filter(p -> !p.doorToDoor()).toList();
		List<Place> teams = places.stream().filter(Place::doorToDoor).toList();
		Map<Long, Map<String, Integer>> walkIn = new LinkedHashMap<>();
		Map<Long, Map<String, Integer>> doorToDoor = new LinkedHashMap<>();
		walkInPlaces.forEach(p -> walkIn.put(p.id(), new TreeMap<>()));
		teams.forEach(p -> doorToDoor.put(p.id(), new TreeMap<>()));
		Map<String, Integer> walkInUnserved = new TreeMap<>();
		Map<String, Integer> doorToDoorUnserved = new TreeMap<>();
		distribute(demands, Demand::walkIn, walkInPlaces, walkIn, walkInUnserved);
		distribute(demands, Demand::doorToDoor, teams, doorToDoor, doorToDoorUnserved);
		for (Move move : moves) {
			apply(move, walkIn, walkInUnserved);
			apply(move, doorToDoor, doorToDoorUnserved);
		}
		return new Result(walkIn, doorToDoor, walkInUnserved, doorToDoorUnserved);
	}

	/**
	 * How near a site in {@code area} is to a compound: the length of the code prefix they share, one less when the
	 * site is in a sibling area rather than in an area containing the compound.
	 */
	static int nearness(String compound, String area) {
		String prefix = AreaCodes.prefix(area);
		if (compound.startsWith(prefix)) {
			return prefix.length();
		}
		for (int level : new int[] { 12, 9, 6, 4, 2 }) {
			if (compound.length() >= level && area.length() >= level && compound.regionMatches(0, area, 0, level)) {
				return level - 1;
			}
		}
		return 0;
	}

	private static void apply(Move move, Map<Long, Map<String, Integer>> shares, Map<String, Integer> unserved) {
		if (!shares.containsKey(move.to()) || move.from() != null && move.from() == move.to()) {
			return;
		}
		Integer people = move.from() == null ? unserved.remove(move.compound())
				: shares.containsKey(move.from()) ? shares.get(move.from()).remove(move.compound()) : null;
		if (people != null && people > 0) {
			shares.get(move.to()).merge(move.compound(), people, Integer::sum);
		}
	}

	private static void distribute(List<Demand> demands, ToIntFunction<Demand> people,
			List<Place> places, Map<Long, Map<String, Integer>> into, Map<String, Integer> unserved) {
		record Nearest(Demand demand, int nearness, List<Place> places) {
		}
		List<Nearest> order = new ArrayList<>();
		for (Demand demand : demands) {
			if (people.applyAsInt(demand) <= 0) {
				continue;
			}
			int best = FARTHEST;
			List<Place> nearest = new ArrayList<>();
			for (Place place : places) {
				int near = place.serves().stream().mapToInt(a -> nearness(demand.compound(), a)).max().orElse(0);
				if (near > best) {
					best = near;
					nearest.clear();
				}
				if (near == best && near > FARTHEST) {
					nearest.add(place);
				}
			}
			if (nearest.isEmpty()) {
				unserved.merge(demand.compound(), people.applyAsInt(demand), Integer::sum);
			}
			else {
				order.add(new Nearest(demand, best, nearest));
			}
		}
		order.sort(Comparator.comparingInt(Nearest::nearness).reversed().thenComparing(n -> n.demand().compound()));
		Map<Long, Double> load = new HashMap<>();
		for (Nearest nearest : order) {
			int total = people.applyAsInt(nearest.demand());
			int[] shares = waterFill(total, nearest.places(), load);
			for (int i = 0; i < shares.length; i++) {
				Place place = nearest.places().get(i);
				if (shares[i] > 0) {
					into.get(place.id()).merge(nearest.demand().compound(), shares[i], Integer::sum);
					load.merge(place.id(), (double) shares[i], Double::sum);
				}
			}
		}
	}

	/**
	 * Splits {@code people} among the places so that their people per station come out as even as the places'
	 * earlier loads allow (water filling), in whole people.
	 */
	static int[] waterFill(int people, List<Place> places, Map<Long, Double> load) {
		int n = places.size();
		Integer[] byLevel = new Integer[n];
		for (int i = 0; i < n; i++) {
			byLevel[i] = i;
		}
		Arrays.sort(byLevel, Comparator.comparingDouble((Integer i) -> level(places.get(i), load))
			.thenComparingLong(i -> places.get(i).id()));
		double loadSum = 0;
		double stationSum = 0;
		double fill = 0;
		int k = 0;
		while (k < n) {
			Place place = places.get(byLevel[k]);
			loadSum += load.getOrDefault(place.id(), 0.0);
			stationSum += Math.max(1, place.stations());
			k++;
			fill = (people + loadSum) / stationSum;
			if (k == n || fill <= level(places.get(byLevel[k]), load)) {
				break;
			}
		}
		double[] exact = new double[n];
		int[] whole = new int[n];
		int given = 0;
		for (int r = 0; r < k; r++) {
			int i = byLevel[r];
			Place place = places.get(i);
			exact[i] = Math.max(0, fill * Math.max(1, place.stations()) - load.getOrDefault(place.id(), 0.0));
			whole[i] = (int) Math.floor(exact[i]);
			given += whole[i];
		}
		Integer[] byRemainder = Arrays.copyOf(byLevel, k);
		Arrays.sort(byRemainder, Comparator.comparingDouble((Integer i) -> -(exact[i] - whole[i]))
			.thenComparingLong(i -> places.get(i).id()));
		for (int r = 0; given < people; r = (r + 1) % k) {
			whole[byRemainder[r]]++;
			given++;
		}
		return whole;
	}

	private static double level(Place place, Map<Long, Double> load) {
		return load.getOrDefault(place.id(), 0.0) / Math.max(1, place.stations());
	}
}
