package org.tongxin.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

/** A keyset page asks for one row more than it shows, and only that row tells whether another page follows. */
class SliceTests {

	@Test
	void aFullPageWithOneMoreRowHasTheLastShownRowAsItsCursor() {
		List<Integer> asked = new ArrayList<>();
		Slice<Long> slice = Slice.of(limit -> {
			asked.add(limit);
			return LongStream.rangeClosed(1, limit).boxed().map(i -> 100 - i).toList();
		}, 3, id -> id);
		assertThat(asked).containsExactly(4);
		assertThat(slice.items()).containsExactly(99L, 98L, 97L);
		assertThat(slice.next()).isEqualTo("97");
		assertThat(slice.hasNext()).isTrue();
	}

	@Test
	void aPageThatIsExactlyFullOrShorterIsTheLast() {
		assertThat(Slice.of(limit -> List.of(3L, 2L, 1L), 3, id -> id).next()).isNull();
		Slice<Long> shorter = Slice.of(limit -> List.of(2L), 3, id -> id);
		assertThat(shorter.items()).containsExactly(2L);
		assertThat(shorter.hasNext()).isFalse();
		assertThat(Slice.<Long>of(limit -> List.of(), 3, id -> id).items()).isEmpty();
	}
}
