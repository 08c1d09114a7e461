package sources

import (
	"context"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/reputekit/repute/review"
)

// Checkpoint is the sync position of one source: plain data that a
// CheckpointStore persists between runs (and between replicas).
type Checkpoint struct {
	// Source is the key Sync files the checkpoint under: the source's
	// Name(), with "#2", "#3", ... for further sources of the same name.
	Source string `json:"source"`
	// LastSync is when the last walk that reached its end finished.
	LastSync time.Time `json:"last_sync,omitzero"`
	// HighWater is the latest change time (see Changed) of any review a
	// complete walk saw; incremental syncs start there, minus an overlap.
	HighWater time.Time `json:"high_water,omitzero"`
	// Seen maps each review ID seen to its Fingerprint, so a later walk
	// tells new reviews, edited ones and ones already reported apart.
	Seen map[string]string `json:"seen,omitempty"`
}

// clone returns a deep copy.
func (cp Checkpoint) clone() Checkpoint {
	out := cp
	if cp.Seen != nil {
		out.Seen = make(map[string]string, len(cp.Seen))
		for k, v := range cp.Seen {
			out.Seen[k] = v
		}
	}
	return out
}

// CheckpointStore keeps checkpoints. Load returns the zero Checkpoint
// (with Source set) and no error when there is none yet. Implementations
// must be safe for concurrent use; Sync calls them from several goroutines.
type CheckpointStore interface {
	Load(ctx context.Context, source string) (Checkpoint, error)
	Save(ctx context.Context, cp Checkpoint) error
}

// Fingerprint returns a short hash of what makes an edit visible to a
// reader: the rating, title, body, status and the reply's text. Two
// versions of a review with the same fingerprint are the same review.
func Fingerprint(rv *review.Review) string {
	h := fnv.New64a()
	var num [8]byte
	binary.LittleEndian.PutUint64(num[:], math.Float64bits(rv.Rating))
	h.Write(num[:])
	field := func(s string) {
		binary.LittleEndian.PutUint64(num[:], uint64(len(s)))
		h.Write(num[:])
		h.Write([]byte(s))
	}
	field(rv.Title)
	field(rv.Body)
	field(rv.Status.String())
	if rv.Reply != nil {
		field("reply")
		field(rv.Reply.Body)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// MemoryStore is a CheckpointStore in memory. The zero value is ready to
// use; it is safe for concurrent use.
type MemoryStore struct {
	mu sync.Mutex
	m  map[string]Checkpoint
}

// Load returns a copy of the checkpoint of source.
func (s *MemoryStore) Load(_ context.Context, source string) (Checkpoint, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	cp, ok := s.m[source]
	if !ok {
		return Checkpoint{Source: source}, nil
	}
	return cp.clone(), nil
}

// Save stores a copy of cp.
func (s *MemoryStore) Save(_ context.Context, cp Checkpoint) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.m == nil {
		s.m = map[string]Checkpoint{}
	}
	s.m[cp.Source] = cp.clone()
	return nil
}

// FileStore is a CheckpointStore in one JSON file. Every Save rewrites the
// file atomically: the new content goes to a temporary file in the same
// directory, is synced, and renamed over the old one, so a crash leaves
// either the old or the new file, never half of one. Safe for concurrent
// use within one process; replicas need a shared store of their own.
type FileStore struct {
	path string
	mu   sync.Mutex
	m    map[string]Checkpoint
}

// NewFileStore opens (or prepares to create) the store at path. An
// existing file that is not a checkpoint file is an error.
func NewFileStore(path string) (*FileStore, error) {
	s := &FileStore{path: path, m: map[string]Checkpoint{}}
	b, err := os.ReadFile(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return s, nil
	case err != nil:
		return nil, fmt.Errorf("sources: checkpoint file: %w", err)
	}
	var doc fileDoc
	if err := json.Unmarshal(b, &doc); err != nil {
		return nil, fmt.Errorf("sources: checkpoint file %s: %w", filepath.Base(path), err)
	}
	for _, cp := range doc.Checkpoints {
		s.m[cp.Source] = cp
	}
	return s, nil
}

// fileDoc is the file's layout.
type fileDoc struct {
	Version     int          `json:"version"`
	Checkpoints []Checkpoint `json:"checkpoints"`
}

// Load returns a copy of the checkpoint of source.
func (s *FileStore) Load(_ context.Context, source string) (Checkpoint, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	cp, ok := s.m[source]
	if !ok {
		return Checkpoint{Source: source}, nil
	}
	return cp.clone(), nil
}

// Save stores cp and rewrites the file atomically.
func (s *FileStore) Save(_ context.Context, cp Checkpoint) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	prev, had := s.m[cp.Source]
	s.m[cp.Source] = cp.clone()
	if err := s.write(); err != nil {
		if had {
			s.m[cp.Source] = prev
		} else {
			delete(s.m, cp.Source)
		}
		return err
	}
	return nil
}

func (s *FileStore) write() error {
	doc := fileDoc{Version: 1}
	for _, cp := range s.m {
		doc.Checkpoints = append(doc.Checkpoints, cp)
	}
	slices.SortFunc(doc.Checkpoints, func(a, b Checkpoint) int { return strings.Compare(a.Source, b.Source) })
	b, err := json.MarshalIndent(doc, "", " ")
	if err != nil {
		return fmt.Errorf("sources: checkpoint file: %w", err)
	}
	dir := filepath.Dir(s.path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(s.path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("sources: checkpoint file: %w", err)
	}
	name := tmp.Name()
	fail := func(err error) error {
		tmp.Close()
		os.Remove(name)
		return fmt.Errorf("sources: checkpoint file: %w", err)
	}
	if _, err := tmp.Write(b); err != nil {
		return fail(err)
	}
	if err := tmp.Sync(); err != nil {
		return fail(err)
	}
	if err := tmp.Close(); err != nil {
		os.Remove(name)
		return fmt.Errorf("sources: checkpoint file: %w", err)
	}
	if err := os.Rename(name, s.path); err != nil {
		os.Remove(name)
		return fmt.Errorf("sources: checkpoint file: %w", err)
	}
	return nil
}
