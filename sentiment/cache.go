package sentiment

import (
	"encoding/binary"
	"strings"
)

// wordCache memoises, per pooled scratch, what is known about a word form:
// its language votes and, per lexicon, its normalised form, stem and
// lexicon entries. Stemming and the vote checks dominate the cost of
// Analyze, and word frequencies are skewed, so most tokens hit the cache.
// Keys and values live in an arena that is only reset between calls, so the
// cache allocates nothing once warm.
type wordCache struct {
	// slots is the hash table itself (open addressing, linear probing,
	// a power of two long; a slot with n == 0 is empty). A lookup touches
	// one slot, the cache line that prep reads the word's lexicon data from
	// later, and no separate index table: with a few thousand words in use,
	// that table's lines and the slots' lines competed for the L1 cache.
	// No pointers for the GC to scan.
	slots []cacheSlot
	count int // slots in use
	// limit is the count beyond which reset grows the table (or, at
	// cacheMaxSlots, empties it).
	limit int
	arena []byte
	// all views the arena's whole capacity as a string, for str. Bytes
	// are only appended to the arena (and it is only reset between
	// Analyze calls), so the part any str result covers never changes.
	all string
}

// cacheSlot is one cached word, kept together (64 bytes, one cache line)
// so that a lookup and the later use of the entry touch one place: the
// key's length and first eight bytes (the whole key for most words; longer
// keys are compared in the arena), the word's language votes and its
// lexicon data.
type cacheSlot struct {
	pre   uint64 // the key's first eight bytes, zero-padded
	n     uint16 // key length
	votes voteBits
	state uint8 // slVotes, slLower, slElong
	key   strRef
	le    langEnt // for the lexicon le.lex (the last one the word was looked up in)
}

// cacheSlot.state bits.
const (
	slVotes = 1 // votes computed
	// slElong: the key has a letter three times in a row (valid with
	// slLower; the same bit as fElong, so that lowerWords takes it over
	// without testing the word)
	slElong = fElong
	slLower = 4 // set by addLowerWord and word when the key is the word as the text has it: slElong is set
)

// The state bits must not overlap slElong (this fails to compile if they do).
var _ = [1]struct{}{}[(slVotes|slLower)&slElong]

// prefix8 returns the first eight bytes of s, zero-padded, as a number.
func prefix8(s string) uint64 {
	if len(s) >= 8 {
		return binary.LittleEndian.Uint64([]byte(s[:8]))
	}
	var t uint64
	for i := 0; i < len(s); i++ {
		t |= uint64(s[i]) << (8 * i)
	}
	return t
}

// hashWord hashes a word eight bytes at a time (words are short, so this
// is one or two multiply steps; the runtime's string hash costs a call and
// a setup that dominate for five-byte words). It is hashPre with the
// prefix loaded here.
func hashWord(s string) uint32 { return hashPre(s, prefix8(s)) }

// hashPre is the word hash of s for pre == prefix8(s), for callers that
// have the first eight bytes already (for most words that is the whole
// hash).
func hashPre(s string, pre uint64) uint32 {
	h := uint64(len(s)) * 0x9e3779b97f4a7c15
	if len(s) < 8 {
		h = (h ^ pre) * 0xc4ceb9fe1a85ec53
		return uint32(h ^ h>>29)
	}
	h = (h ^ pre) * 0xff51afd7ed558ccd
	s = s[8:]
	for len(s) >= 8 {
		h = (h ^ binary.LittleEndian.Uint64([]byte(s[:8]))) * 0xff51afd7ed558ccd
		s = s[8:]
	}
	var t uint64
	for i := 0; i < len(s); i++ {
		t |= uint64(s[i]) << (8 * i)
	}
	h = (h ^ t) * 0xc4ceb9fe1a85ec53
	return uint32(h ^ h>>29)
}

// hash16 is the top 16 bits of hashWord(s): the hashes that lexicon seqs
// and the word cache keep to tell words apart quickly (equal hashes are
// then confirmed by comparing the strings).
func hash16(s string) uint16 { return uint16(hashWord(s) >> 16) }

// slotHash is the word cache's hash of a key of at most eight bytes, pre
// its prefix8 (the whole key): a multiply, whose top bits depend on every
// bit of pre, and a shift, inlined (callers take the low bits for the
// table's size, up to cacheMaxSlots). The key's length needs no part in
// it: key bytes are never zero (a key is a word's lower-case form), so pre
// tells the lengths apart. (It differs from hashPre for eight-byte keys;
// the cache only needs one function per key.)
func slotHash(pre uint64) uint32 {
	return uint32(pre * 0xc4ceb9fe1a85ec53 >> slotShift)
}

// slotShift keeps the top bits of slotHash's product, as many as the
// largest table needs.
const slotShift = 64 - 15

// The table must not outgrow slotHash (this fails to compile if it does).
var _ = [2]struct{}{}[cacheMaxSlots>>(64-slotShift)]

// slotHash2 is the word cache's hash of a key of 8 to 16 bytes, pre its
// first eight bytes and rest the others, zero-padded: inlined, with
// rest's multiply beside the other. For rest == 0 (an eight-byte key) it
// is slotHash(pre), so that lowerWords hashes every key of eight to 16
// bytes alike (a test of the length there was mispredicted).
func slotHash2(pre, rest uint64) uint32 {
	return slotHash(pre ^ rest*0xff51afd7ed558ccd)
}

// keyHash is the word cache's hash of key s, pre its prefix8.
func keyHash(s string, pre uint64) uint32 {
	switch {
	case len(s) <= 8:
		return slotHash(pre)
	case len(s) <= 16:
		return slotHash2(pre, prefix8(s[8:]))
	}
	return hashPre(s, pre)
}

// restIs reports whether bytes 8 to 15 of key r (8 < r.n <= 16),
// zero-padded, are rest: one load, the bytes past the key (the arena's,
// or unused) masked out, where the arena has 16 bytes from the key.
func (c *wordCache) restIs(r strRef, rest uint64) bool {
	if int(r.off)+16 > len(c.all) {
		return prefix8(c.str(r)[8:]) == rest
	}
	x := binary.LittleEndian.Uint64([]byte(c.all[r.off+8 : r.off+16]))
	return x&(^uint64(0)>>((128-8*r.n)&63)) == rest
}

// restIn reports whether bytes 8 to 8+n2 of key r (0 < n2 < 8, r.n ==
// 8+n2) are those of rest: restIs for lowerWords, small enough to inline,
// one load where the arena has 16 bytes from the key and false otherwise
// (lowerWords then leaves the word to lowerWord).
func (c *wordCache) restIn(r strRef, rest uint64, n2 int) bool {
	off := int(r.off) + 8
	return off+8 <= len(c.all) && binary.LittleEndian.Uint64([]byte(c.all[off:off+8]))&(uint64(1)<<(8*uint(n2)&63)-1) == rest
}

// prefixIn is prefix8(text[i:j]), read as one load when text has eight
// bytes from i.
// It inlines (the short tail goes to prefixTail).
func prefixIn(text string, i, j int) uint64 {
	if i+8 > len(text) {
		return prefixTail(text[i:j])
	}
	// A shift by 64 or more gives 0, so words of eight bytes or more keep
	// all of v.
	return binary.LittleEndian.Uint64([]byte(text[i:i+8])) & (1<<(8*uint(j-i)) - 1)
}

// prefixTail is prefix8, out of line for prefixIn.
//
//go:noinline
func prefixTail(s string) uint64 { return prefix8(s) }

const (
	cacheArena = 1 << 18
	// The table starts at cacheMinSlots slots and doubles, between calls,
	// when more than cacheLoad of it is in use, up to cacheMaxSlots (a low
	// load keeps most words at their first probe position, which lowerWord
	// checks inline and lowerWords first); at that size it is emptied when more than
	// cacheFullLoad is in use. Within a call no word is added beyond
	// cacheCallLoad (index returns -1), so probing always ends.
	cacheMinSlots = 1 << 12
	cacheMaxSlots = 1 << 15
	cacheLoad     = 0.3
	cacheFullLoad = 0.6
	cacheCallLoad = 0.75
)

// strRef is a string kept in the cache's arena: byte offset and length.
type strRef struct{ off, n uint32 }

// langEnt and wordEnt hold no pointers (strings are arena references,
// lexicon entries are ids), so the garbage collector never scans the
// cache, however large it grows.
//
// langEnt fills the 44 bytes its slot has left (see cacheSlot): the arena
// references of norm and stem are split into offsets and 16-bit lengths
// (index keeps no key longer than 0xffff bytes, and prep no longer norm
// or stem), which leaves room for next.
type langEnt struct {
	lex              uint32 // id of the lexicon the fields below come from
	normOff, stemOff uint32 // arena offsets of norm and stem (see normRef)
	normN, stemN     uint16 // their lengths
	sh, nh           uint16 // hash16 of stem and norm
	in, sin, pin     int32  // lexicon info ids (see lexicon.ref)
	// next is what markSentence tests the following token's hb against:
	// the nextBits of in, sin and pin, or 0 for a word without bAnyVal.
	// One load for what took three dependent ones and three tests per
	// token.
	next uint32
	// hb is the word's seqBits, for the previous token's next.
	hb    uint32
	bits  wordBits
	ready bool
}

// normRef and stemRef are the arena references of norm and stem.
func (le *langEnt) normRef() strRef { return strRef{le.normOff, uint32(le.normN)} }
func (le *langEnt) stemRef() strRef { return strRef{le.stemOff, uint32(le.stemN)} }

// str returns the arena string r.
func (c *wordCache) str(r strRef) string {
	return c.all[r.off : r.off+r.n]
}

// reset grows or empties the cache when it is nearly full; call it only
// between Analyze calls (tokens of a running call point into the arena and
// hold slot indices).
func (c *wordCache) reset() {
	// Small enough to inline: nothing to do for most calls.
	if c.count > c.limit || len(c.arena) > cacheArena*3/4 || c.slots == nil {
		c.resize()
	}
}

// resize is reset's work.
func (c *wordCache) resize() {
	defer c.setLimit()
	if c.slots == nil {
		c.slots = make([]cacheSlot, cacheMinSlots)
		c.arena = make([]byte, 0, cacheArena)
		c.all = bstr(c.arena[:cacheArena])
		return
	}
	if len(c.arena) > cacheArena*3/4 {
		clear(c.slots)
		c.count = 0
		c.arena = c.arena[:0]
		return
	}
	if float64(c.count) > cacheLoad*float64(len(c.slots)) {
		switch {
		case len(c.slots) < cacheMaxSlots:
			c.grow()
		case float64(c.count) > cacheFullLoad*float64(len(c.slots)):
			clear(c.slots)
			c.count = 0
			c.arena = c.arena[:0]
		}
	}
}

// setLimit sets limit for the table's size.
func (c *wordCache) setLimit() {
	load := cacheLoad
	if len(c.slots) >= cacheMaxSlots {
		load = cacheFullLoad
	}
	// (count > limit exactly when count > load*len(slots), count being
	// an integer)
	c.limit = int(load * float64(len(c.slots)))
}

// grow doubles the table, moving every word (and its data) to its slot in
// the new one.
func (c *wordCache) grow() {
	old := c.slots
	c.slots = make([]cacheSlot, 2*len(old))
	mask := uint32(len(c.slots) - 1)
	for i := range old {
		sl := &old[i]
		if sl.n == 0 {
			continue
		}
		p := keyHash(c.str(sl.key), sl.pre) & mask
		for c.slots[p].n != 0 {
			p = (p + 1) & mask
		}
		c.slots[p] = *sl
	}
}

// intern copies s into the arena; ok is false when the arena is full.
func (c *wordCache) intern(s string) (strRef, bool) {
	if len(c.arena)+len(s) > cap(c.arena) {
		return strRef{}, false
	}
	from := len(c.arena)
	c.arena = append(c.arena, s...)
	return strRef{uint32(from), uint32(len(s))}, true
}

// index returns the slot of a lower-case word form, creating it; -1 when
// the cache is full. pre is prefix8(low) and, for words of 9 to 16 bytes,
// rest is prefix8(low[8:]) (callers read both from the text with one load
// each), so that such words need no string hash or comparison.
func (c *wordCache) index(low string, pre, rest uint64) int32 {
	if len(low) > 0xffff {
		return -1
	}
	var h uint32
	switch {
	case len(low) <= 8:
		h = slotHash(pre)
	case len(low) <= 16:
		h = slotHash2(pre, rest)
	default:
		h = hashPre(low, pre)
	}
	n := uint16(len(low))
	mask := uint32(len(c.slots) - 1)
	p := h & mask
	for {
		sl := &c.slots[p]
		if sl.n == 0 {
			break
		}
		if sl.pre == pre && sl.n == n && (n <= 8 || n <= 16 && c.restIs(sl.key, rest) || n > 16 && c.str(sl.key) == low) {
			return int32(p)
		}
		p = (p + 1) & mask
	}
	if float64(c.count) >= cacheCallLoad*float64(len(c.slots)) {
		return -1
	}
	key, ok := c.intern(low)
	if !ok {
		return -1
	}
	c.slots[p] = cacheSlot{pre: pre, n: n, key: key}
	c.count++
	return int32(p)
}

// shortHit is index's commonest case, small enough to inline: a word
// of at most eight bytes (n bytes, pre its prefix8) found at its first
// probe position. It returns -1 otherwise (then call index). (An empty
// slot never matches: a word's first byte is not zero.)
func (c *wordCache) shortHit(n int, pre uint64) int32 {
	p := slotHash(pre) & uint32(len(c.slots)-1)
	if sl := &c.slots[p]; sl.pre != pre || sl.n != uint16(n) {
		return -1
	}
	return int32(p)
}

// at returns the slot of a token, or nil.
func (c *wordCache) at(i int32) *cacheSlot {
	if i < 0 {
		return nil
	}
	return &c.slots[i]
}

// keep interns a derived string (a norm or a stem), reusing base when s is
// a prefix of it.
func (c *wordCache) keep(s string, base strRef) (strRef, bool) {
	if strings.HasPrefix(c.str(base), s) {
		return strRef{base.off, uint32(len(s))}, true
	}
	return c.intern(s)
}
