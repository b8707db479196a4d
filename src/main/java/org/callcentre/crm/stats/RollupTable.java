package org.callcentre.crm.stats;

import java.util.List;

/**
 * A table that sums the measures of one kind of fact under some of its keys.
 *
 * @param condition which facts it counts (e.g. only calls with an operator), or null for all
 */
record RollupTable(String name, List<String> keys, String condition) {
}
