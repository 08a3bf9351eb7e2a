#!/usr/bin/env Rscript
# Gould-Fernandez brokerage reference fixtures from R's sna::brokerage.
#
# Run from the repository root:  Rscript bench/reference/make_brokerage_fixtures.R
# Needs R with sna and jsonlite (Debian: apt-get install r-base-core r-cran-sna r-cran-jsonlite;
# sna 2.7-1 on R 4.2.2 was used). Writes src/test/resources/reference/sna-brokerage-*.json holding
# n, the directed edge list (0-based [from, to]), the group of each vertex and
# sna::brokerage(adjacency, groups)$raw.nli, one row per vertex, columns in sna's order:
# w_I (coordinator), w_O (itinerant), b_IO (representative), b_OI (gatekeeper), b_O (liaison), t.

suppressPackageStartupMessages({
  library(sna)
  library(jsonlite)
})

out_dir <- file.path("src", "test", "resources", "reference")
dir.create(out_dir, showWarnings = FALSE, recursive = TRUE)

write_fixture <- function(name, description, adj, groups) {
  n <- nrow(adj)
  b <- brokerage(adj, groups)
  raw <- b$raw.nli
  arcs <- which(adj != 0, arr.ind = TRUE)
  arcs <- arcs[order(arcs[, 1], arcs[, 2]), , drop = FALSE]
  fixture <- list(
    name = name,
    description = description,
    producer = "bench/reference/make_brokerage_fixtures.R",
    sna = as.character(packageVersion("sna")),
    r = R.version.string,
    n = n,
    edges = unname(lapply(seq_len(nrow(arcs)), function(i) as.integer(arcs[i, ] - 1))),
    group = as.integer(groups),
    columns = colnames(raw),
    raw_nli = unname(lapply(seq_len(n), function(i) as.numeric(raw[i, ])))
  )
  path <- file.path(out_dir, paste0("sna-brokerage-", name, ".json"))
  writeLines(toJSON(fixture, auto_unbox = TRUE, digits = NA, pretty = FALSE), path)
  cat(sprintf("%s: n=%d arcs=%d total brokerage=%g\n", path, n, nrow(arcs), sum(raw[, "t"])))
}

# 1. Hand-made, reciprocated ties everywhere: 0<->1, 1<->2, 1->3, 3->1, 2->4, 4->0, 3->4.
adj <- matrix(0, 5, 5)
for (e in list(c(0, 1), c(1, 0), c(1, 2), c(2, 1), c(1, 3), c(3, 1), c(2, 4), c(4, 0), c(3, 4))) {
  adj[e[1] + 1, e[2] + 1] <- 1
}
write_fixture("reciprocal",
              "hand-made 5-vertex digraph with reciprocated ties 0<->1, 1<->2, 1<->3, groups 1,1,2,2,3",
              adj, c(1, 1, 2, 2, 3))

# 2. A self-loop at every vertex of a small digraph: sna ignores loops.
adj <- matrix(0, 4, 4)
for (e in list(c(0, 1), c(1, 2), c(2, 3), c(1, 3), c(3, 0))) adj[e[1] + 1, e[2] + 1] <- 1
diag(adj) <- 1
write_fixture("loops", "4-vertex digraph with a self-loop at every vertex, groups 1,2,2,1", adj, c(1, 2, 2, 1))

# 3-5. Seeded random digraphs (Bernoulli, sna::rgraph), groups drawn uniformly.
set.seed(20260501)
adj <- rgraph(25, tprob = 0.15)
write_fixture("random-25", "sna::rgraph(25, tprob = 0.15) after set.seed(20260501), 3 groups drawn with sample()",
              adj, sample(1:3, 25, replace = TRUE))

set.seed(7)
adj <- rgraph(40, tprob = 0.1)
write_fixture("random-40", "sna::rgraph(40, tprob = 0.1) after set.seed(7), 4 groups drawn with sample()",
              adj, sample(1:4, 40, replace = TRUE))

set.seed(99)
adj <- rgraph(60, tprob = 0.3)
write_fixture("random-60-dense", "sna::rgraph(60, tprob = 0.3) after set.seed(99), 5 groups drawn with sample()",
              adj, sample(1:5, 60, replace = TRUE))

# 6. One group only: everything is coordination.
set.seed(3)
adj <- rgraph(12, tprob = 0.3)
write_fixture("one-group", "sna::rgraph(12, tprob = 0.3) after set.seed(3), a single group", adj, rep(1, 12))
