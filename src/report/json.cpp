#include <array>
#include <cmath>
#include <stdexcept>

#include "huella/report.h"

namespace huella {
namespace {

// Four decimals keep the JSON stable across compilers and readable in diffs.
double rounded(double x) { return std::round(x * 10000.0) / 10000.0; }

nlohmann::ordered_json channel_json(const ChannelSimilarity& s) {
  return {{"similarity", rounded(s.similarity)},
          {"coverage_a", rounded(s.coverage_a)},
          {"coverage_b", rounded(s.coverage_b)},
          {"shared_fingerprints", s.shared},
          {"cosine", rounded(s.cosine)},
          {"shared_ngrams", s.cosine_shared},
          {"literals", rounded(s.literals)},
          {"shared_literals", s.literals_shared}};
}

// The evidence of a pair whose sides are `a` and `b`: channels, fragments, contained files,
// image matches and metadata, file pairs; shared by cohort pairs and reference entries.
struct PairEvidence {
  nlohmann::ordered_json channels, file_pairs, contained_files, fragments, image_matches,
      image_metadata;
};

PairEvidence pair_evidence(const PairResult& p, const SubmissionSummary& a, const SubmissionSummary& b) {
  PairEvidence e;
  auto& channels = e.channels = nlohmann::ordered_json::object();
  for (const Channel c : kTextChannels) {
    const auto& s = p.channels[channel_index(c)];
    if (s.shared > 0 || s.cosine > 0 || s.literals > 0) channels[std::string(channel_name(c))] = channel_json(s);
  }
  e.fragments = nlohmann::ordered_json::array();
  for (const auto& f : p.fragments)
    e.fragments.push_back({{"channel", channel_name(f.channel)},
                           {"a_file", a.files[f.a_file].path},
                           {"a_lines", {f.a_first_line, f.a_last_line}},
                           {"b_file", b.files[f.b_file].path},
                           {"b_lines", {f.b_first_line, f.b_last_line}},
                           {"tokens", f.tokens}});
  nlohmann::ordered_json sections = nlohmann::ordered_json::array();
  for (const auto& s : p.sections) {
    const auto& side = s.in_b ? b : a;
    sections.push_back({{"side", s.in_b ? "b" : "a"},
                        {"file", side.files[s.file].path},
                        {"section", s.title},
                        {"lines", {s.first_line, s.last_line}},
                        {"fingerprints", s.fingerprints},
                        {"coverage", rounded(s.coverage)}});
  }
  if (!sections.empty() || channels.contains("prose")) channels["prose"]["sections"] = std::move(sections);
  e.contained_files = nlohmann::ordered_json::array();
  for (const auto& f : p.contained_files) {
    const auto& side = f.in_b ? b : a;
    e.contained_files.push_back({{"side", f.in_b ? "b" : "a"},
                                 {"file", side.files[f.file].path},
                                 {"channel", channel_name(f.channel)},
                                 {"fingerprints", f.fingerprints},
                                 {"coverage", rounded(f.coverage)}});
  }
  if (const auto& images = p.channels[channel_index(Channel::images)]; images.shared > 0)
    channels["images"] = {{"similarity", rounded(images.similarity)},
                          {"coverage_a", rounded(images.coverage_a)},
                          {"coverage_b", rounded(images.coverage_b)},
                          {"matches", images.shared}};
  e.image_matches = nlohmann::ordered_json::array();
  for (const auto& m : p.image_matches)
    e.image_matches.push_back({{"a_file", a.files[m.a_file].path},
                               {"b_file", b.files[m.b_file].path},
                               {"method", image_method_name(m.method)},
                               {"distance", m.distance},
                               {"inliers", m.inliers},
                               {"agreement", rounded(m.agreement)}});
  e.image_metadata = nlohmann::ordered_json::array();
  for (const auto& m : p.image_metadata)
    e.image_metadata.push_back({{"a_file", a.files[m.a_file].path},
                                {"b_file", b.files[m.b_file].path},
                                {"key", m.key},
                                {"value", m.value}});
  e.file_pairs = nlohmann::ordered_json::array();
  for (const auto& fp : p.file_pairs)
    e.file_pairs.push_back({{"a_file", a.files[fp.a_file].path},
                            {"b_file", b.files[fp.b_file].path},
                            {"channel", channel_name(fp.channel)},
                            {"tokens", fp.tokens}});
  return e;
}

nlohmann::ordered_json or_null(const std::string& s) {
  return s.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(s);
}

nlohmann::ordered_json reasons_json(const PairVerdict& verdict, ReportLanguage language) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const auto& r : verdict.reasons) {
    nlohmann::ordered_json reason = {{"kind", reason_kind_name(r.kind)}};
    if (r.channel != Channel::other) reason["channel"] = channel_name(r.channel);
    if (!r.subject.empty()) reason["subject"] = r.subject;
    if (r.side != 0) reason["side"] = std::string(1, r.side);
    if (r.value != 0) reason["value"] = rounded(r.value);
    if (r.count != 0) reason["count"] = r.count;
    reason["text"] = reason_text(r, language);
    out.push_back(std::move(reason));
  }
  return out;
}

nlohmann::ordered_json summary_json(const CohortResult& result) {
  std::array<std::size_t, 4> bands{};
  for (const auto& v : result.verdicts) ++bands[static_cast<std::size_t>(v.verdict)];
  nlohmann::ordered_json by_band = nlohmann::ordered_json::object();
  for (std::size_t i = bands.size(); i-- > 0;) by_band[std::string(verdict_name(static_cast<Verdict>(i)))] = bands[i];
  return {{"submissions", result.cohort_size()},
          {"pairs", result.pairs.size()},
          {"bands", std::move(by_band)},
          {"clusters", result.clusters.size()}};
}

nlohmann::ordered_json clusters_json(const CohortResult& result) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (std::size_t i = 0; i < result.clusters.size(); ++i) {
    const auto& c = result.clusters[i];
    nlohmann::ordered_json members = nlohmann::ordered_json::array();
    for (const auto m : c.members) members.push_back(result.submissions[m].id);
    nlohmann::ordered_json pairs = nlohmann::ordered_json::array();
    for (const auto p : c.pairs)
      pairs.push_back({result.submissions[result.pairs[p].a].id, result.submissions[result.pairs[p].b].id});
    out.push_back({{"id", i + 1},
                   {"verdict", verdict_name(c.verdict)},
                   {"score", rounded(c.score)},
                   {"members", std::move(members)},
                   {"pairs", std::move(pairs)}});
  }
  return out;
}

}  // namespace

nlohmann::ordered_json to_json(const CohortResult& result, ReportLanguage language) {
  if (result.verdicts.size() != result.pairs.size())
    throw std::logic_error("to_json: every pair needs its verdict");
  nlohmann::ordered_json out;
  out["schema"] = kJsonSchema;
  out["tool"] = "huella";
  out["version"] = HUELLA_VERSION;
  out["params"] = result.params;
  out["summary"] = summary_json(result);

  auto& submissions = out["submissions"] = nlohmann::ordered_json::array();
  for (const auto& s : result.submissions) {
    nlohmann::ordered_json files = nlohmann::ordered_json::array();
    for (const auto& f : s.files) {
      nlohmann::ordered_json file = {{"path", f.path},
                                     {"channel", channel_name(f.channel)},
                                     {"language", f.language},
                                     {"tokens", f.tokens},
                                     {"fingerprints", f.fingerprints}};
      file["template_share"] = rounded(f.tokens == 0 ? 0.0 : static_cast<double>(f.base_tokens) / f.tokens);
      file["invisible_chars"] = f.invisible_chars;
      if (!f.hidden_in.empty()) {
        file["hidden_in"] = f.hidden_in;
        file["hidden_line"] = f.hidden_line;
      }
      if (f.replaced_bytes > 0) file["invalid_utf8_replaced"] = f.replaced_bytes;
      if (!f.generated.empty()) {
        auto& generated = file["generated"] = nlohmann::ordered_json::array();
        for (const auto& g : f.generated)
          generated.push_back({{"lines", {g.first_line, g.last_line}},
                               {"bytes", g.end - g.begin},
                               {"reason", g.reason}});
      }
      files.push_back(std::move(file));
    }
    nlohmann::ordered_json skipped = nlohmann::ordered_json::array();
    for (const auto& k : s.skipped) skipped.push_back({{"path", k.path}, {"reason", k.reason}});
    nlohmann::ordered_json findings = nlohmann::ordered_json::array();
    for (const auto& f : s.findings) {
      findings.push_back({{"kind", f.kind}, {"file", f.file}, {"value", rounded(f.value)}});
      if (!f.source.empty()) findings.back()["source"] = f.source;
    }
    nlohmann::ordered_json submission = {{"id", s.id}, {"path", s.path}};
    if (!s.archive.empty()) submission["archive"] = s.archive;
    submission["files"] = std::move(files);
    submission["skipped"] = std::move(skipped);
    submission["findings"] = std::move(findings);
    submissions.push_back(std::move(submission));
  }

  auto& pairs = out["pairs"] = nlohmann::ordered_json::array();
  for (std::size_t i = 0; i < result.pairs.size(); ++i) {
    const auto& p = result.pairs[i];
    const auto& verdict = result.verdicts[i];
    const auto& a = result.submissions[p.a];
    const auto& b = result.submissions[p.b];
    auto evidence = pair_evidence(p, a, b);
    nlohmann::ordered_json pair = {{"a", a.id},
                                   {"b", b.id},
                                   {"score", rounded(verdict.score)},
                                   {"verdict", verdict_name(verdict.verdict)},
                                   {"reasons", reasons_json(verdict, language)},
                                   {"similarity", rounded(p.overall.similarity)},
                                   {"coverage_a", rounded(p.overall.coverage_a)},
                                   {"coverage_b", rounded(p.overall.coverage_b)},
                                   {"shared_fingerprints", p.overall.shared}};
    if (!b.archive.empty()) pair["archive"] = {{"side", "b"}, {"name", b.archive}};
    pair["longest_fragment"] = p.fragments_computed ? nlohmann::ordered_json(p.longest_fragment)
                                                    : nlohmann::ordered_json(nullptr);
    pair["channels"] = std::move(evidence.channels);
    pair["file_pairs"] = std::move(evidence.file_pairs);
    pair["contained_files"] = std::move(evidence.contained_files);
    pair["fragments"] = std::move(evidence.fragments);
    pair["image_matches"] = std::move(evidence.image_matches);
    pair["image_metadata"] = std::move(evidence.image_metadata);
    pairs.push_back(std::move(pair));
  }

  auto& references = out["references"] = nlohmann::ordered_json::array();
  for (const auto& r : result.references) {
    const auto& submission = result.submissions[r.pair.a];
    const auto& document = result.reference_documents[r.pair.b];
    auto evidence = pair_evidence(r.pair, submission, document);
    nlohmann::ordered_json files = nlohmann::ordered_json::array();
    for (const auto& m : r.files)
      files.push_back({{"file", submission.files[m.file].path},
                       {"reference_file", document.files[m.reference_file].path},
                       {"similarity", rounded(m.similarity)},
                       {"coverage", rounded(m.coverage)}});
    references.push_back({{"submission", submission.id},
                          {"reference", document.id},
                          {"similarity", rounded(r.pair.overall.similarity)},
                          {"coverage", rounded(r.pair.overall.coverage_a)},
                          {"channels", std::move(evidence.channels)},
                          {"files", std::move(files)},
                          {"fragments", std::move(evidence.fragments)},
                          {"image_matches", std::move(evidence.image_matches)},
                          {"verdict", verdict_name(r.verdict)}});
  }

  auto& watermarks = out["watermarks"] = nlohmann::ordered_json::array();
  for (const auto& w : result.watermarks) {
    nlohmann::ordered_json mark = {{"submission", result.submissions[w.submission].id},
                                   {"file", w.file},
                                   {"line", w.mark.line},
                                   {"kind", watermark_kind_name(w.mark.kind)},
                                   {"payload", w.mark.payload},
                                   {"source", or_null(w.source)},
                                   {"date", or_null(w.mark.date)},
                                   {"intact", w.mark.intact}};
    if (w.mark.kind == WatermarkKind::zero_width) mark["bytes_recovered"] = w.mark.bytes_recovered;
    watermarks.push_back(std::move(mark));
  }

  out["clusters"] = clusters_json(result);

  auto& errors = out["errors"] = nlohmann::ordered_json::array();
  for (const auto& e : result.errors) errors.push_back(e);
  return out;
}

}  // namespace huella
