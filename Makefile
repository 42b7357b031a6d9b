# The two commands a new user needs: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# The tests need more than the demo: the test extra and the optional scale-out extra (Ray).
TEST_STAMP := $(VENV)/.installed-test

.PHONY: demo test install system-deps bench clean
# Debian packages the tests drive: chromium (browser tests), poppler-utils (PDF checks),
# Tesseract with the language packs of the reports monitors read (OCR), and the fonts
# the OCR tests render their scans with.
SYSTEM_PACKAGES := chromium poppler-utils fonts-dejavu-core fonts-noto-core fonts-noto-cjk tesseract-ocr tesseract-ocr-eng \
	tesseract-ocr-mya tesseract-ocr-chi-sim tesseract-ocr-chi-tra tesseract-ocr-uig \
	tesseract-ocr-ara tesseract-ocr-rus tesseract-ocr-fra tesseract-ocr-spa
# What `make demo` needs of them: Tesseract for the scans a user may ingest.
DEMO_PACKAGES := tesseract-ocr tesseract-ocr-eng
PYTEST_ARGS ?=

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[web]'
	touch $(STAMP)

$(TEST_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,web,scale,report]'
	touch $(TEST_STAMP)

install: $(STAMP)

# The example reports, then the offline feed that links to them (its entries show
# as "already present"); a second `make demo` changes nothing.
DEMO_INPUTS := examples/digest.txt examples/radio_pauktaw.txt examples/bulletin.html \
	examples/bulletin_myanmar.pdf examples/feed.xml

demo: $(STAMP)
	@bash tools/system_deps.sh $(DEMO_PACKAGES)
	$(BIN)/factfinder ingest $(DEMO_INPUTS) --db factfinder.db
	$(BIN)/factfinder status --db factfinder.db
	$(BIN)/factfinder verify --db factfinder.db

# openssl: an RFC 3161 time-stamping authority independent of factfinder's own, for tests/ledger.
SYSTEM_PACKAGES += openssl

# Installs what the tests need (root with apt-get), or says in one line what to install.
system-deps:
	@bash tools/system_deps.sh $(SYSTEM_PACKAGES)

test: $(TEST_STAMP) system-deps
	$(BIN)/python -m pytest -q -ra $(PYTEST_ARGS)

bench: $(TEST_STAMP)
	@for b in bench/*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) factfinder.db factfinder.db-* factfinder.db.originals build *.egg-info
