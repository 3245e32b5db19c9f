#include <git2.h>

#include <algorithm>
#include <fstream>
#include <memory>
#include <stdexcept>
#include <unistd.h>

#include "huella/forks.h"

namespace fs = std::filesystem;

namespace huella {
namespace {

template <typename T, void (*Free)(T*)>
struct Freer {
  void operator()(T* p) const { Free(p); }
};
template <typename T, void (*Free)(T*)>
using Owned = std::unique_ptr<T, Freer<T, Free>>;
using Commit = Owned<git_commit, git_commit_free>;
using Tree = Owned<git_tree, git_tree_free>;
using TreeEntry = Owned<git_tree_entry, git_tree_entry_free>;
using Blob = Owned<git_blob, git_blob_free>;
using Walk = Owned<git_revwalk, git_revwalk_free>;
using Odb = Owned<git_odb, git_odb_free>;

std::string last_error() {
  const git_error* e = git_error_last();
  return e && e->message ? e->message : "unknown libgit2 error";
}

std::string hex(const git_oid* oid) {
  char out[GIT_OID_HEXSZ + 1];
  git_oid_tostr(out, sizeof out, oid);
  return out;
}

git_oid parse_oid(const std::string& text) {
  git_oid oid;
  if (git_oid_fromstrn(&oid, text.data(), text.size()) != 0)
    throw std::runtime_error(text + ": not an object id");
  return oid;
}

Tree tree_of(git_repository* repo, const git_oid& commit_id) {
  git_commit* commit = nullptr;
  if (git_commit_lookup(&commit, repo, &commit_id) != 0) throw std::runtime_error(last_error());
  Commit owned(commit);
  git_tree* tree = nullptr;
  if (git_commit_tree(&tree, commit) != 0) throw std::runtime_error(last_error());
  return Tree(tree);
}

// The subtree at `path`, or null when there is none.
Tree subtree(git_repository* repo, const git_tree* root, const std::string& path) {
  git_tree_entry* entry = nullptr;
  if (git_tree_entry_bypath(&entry, root, path.c_str()) != 0) return nullptr;
  TreeEntry owned(entry);
  if (git_tree_entry_type(entry) != GIT_OBJECT_TREE) return nullptr;
  git_tree* tree = nullptr;
  if (git_tree_lookup(&tree, repo, git_tree_entry_id(entry)) != 0) return nullptr;
  return Tree(tree);
}

// Names of the subtrees of `tree` that may hold submissions (as corpus's subfolders()).
std::vector<std::string> subtree_names(const git_tree* tree) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < git_tree_entrycount(tree); ++i) {
    const auto* entry = git_tree_entry_byindex(tree, i);
    const std::string name = git_tree_entry_name(entry);
    if (git_tree_entry_type(entry) != GIT_OBJECT_TREE || name.empty() || name[0] == '.' ||
        !skipped_folder_reason(name).empty())
      continue;
    out.push_back(name);
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Folders of the tip that hold one student folder each: entregas/<module>/ (or the one named),
// and trabajo_final/ at the root; as corpus's module_folders().
std::vector<std::string> module_paths(git_repository* repo, const git_tree* root,
                                      const std::string& module) {
  std::vector<std::string> out;
  if (!module.empty()) {
    for (const auto& candidate : {"entregas/" + module, module})
      if (subtree(repo, root, candidate)) {
        out.push_back(candidate);
        break;
      }
    return out;
  }
  if (auto entregas = subtree(repo, root, "entregas"))
    for (const auto& m : subtree_names(entregas.get())) out.push_back("entregas/" + m);
  if (subtree(repo, root, "trabajo_final")) out.push_back("trabajo_final");
  return out;
}

class TreeWalker {
 public:
  TreeWalker(const Repository& repo, Submission& out, const DiscoveryOptions& options,
             const IgnoreRules& ignore, std::string ignore_prefix, const fs::path& blob_folder)
      : repo_(repo), out_(out), options_(options), ignore_(ignore),
        ignore_prefix_(std::move(ignore_prefix)), blob_folder_(blob_folder) {
    git_odb* odb = nullptr;
    if (git_repository_odb(&odb, repo.get()) != 0) throw std::runtime_error(last_error());
    odb_.reset(odb);
  }

  void walk(const git_tree* tree, const std::string& relative) {
    for (std::size_t i = 0; i < git_tree_entrycount(tree); ++i)
      visit(git_tree_entry_byindex(tree, i), relative);
  }

 private:
  void visit(const git_tree_entry* entry, const std::string& parent) {
    const std::string name = git_tree_entry_name(entry);
    const std::string relative = parent.empty() ? name : parent + "/" + name;
    const auto mode = git_tree_entry_filemode(entry);
    if (mode == GIT_FILEMODE_LINK) return skip(relative, "symbolic link (not followed)");
    if (mode == GIT_FILEMODE_COMMIT) return skip(relative + "/", "submodule (not followed)");
    const bool is_dir = mode == GIT_FILEMODE_TREE;
    if (ignore_.ignored(ignore_prefix_ + "/" + relative, is_dir)) return;
    if (is_dir) {
      if (auto reason = skipped_folder_reason(name); !reason.empty()) return skip(relative + "/", reason);
      git_tree* tree = nullptr;
      if (git_tree_lookup(&tree, repo_.get(), git_tree_entry_id(entry)) != 0)
        return skip(relative + "/", "cannot read folder: " + last_error(), true);
      Tree owned(tree);
      return walk(tree, relative);
    }
    if (auto reason = skipped_file_reason(name); !reason.empty()) return skip(relative, reason);
    const Language* language = language_for_file(name);
    if (language == nullptr) return skip(relative, "not a format huella compares");
    std::size_t size = 0;
    git_object_t type;
    if (git_odb_read_header(&size, &type, odb_.get(), git_tree_entry_id(entry)) != 0)
      return skip(relative, "cannot read: " + last_error(), true);
    if (language->channel != Channel::images && size > options_.max_file_bytes)
      return skip(relative, "too large: " + std::to_string(size) + " bytes (limit " +
                                std::to_string(options_.max_file_bytes) + ")",
                  true);
    const std::string oid = hex(git_tree_entry_id(entry));
    out_.files.push_back({relative, repo_.materialize_blob(oid, blob_folder_), language->channel,
                          language, size, oid});
  }

  void skip(std::string path, std::string reason, bool problem = false) {
    out_.skipped.push_back({std::move(path), std::move(reason), problem});
  }

  const Repository& repo_;
  Submission& out_;
  const DiscoveryOptions& options_;
  const IgnoreRules& ignore_;
  std::string ignore_prefix_;
  const fs::path& blob_folder_;
  Odb odb_;
};

}  // namespace

Repository::Repository(const fs::path& path) : path_(path) {
  git_libgit2_init();
  if (git_repository_open_ext(&repo_, path.c_str(), GIT_REPOSITORY_OPEN_NO_SEARCH, nullptr) != 0) {
    const std::string reason = last_error();
    git_libgit2_shutdown();
    throw std::runtime_error(path.string() + ": not a git repository (" + reason + ")");
  }
}

Repository::~Repository() {
  git_repository_free(repo_);
  git_libgit2_shutdown();
}

std::string Repository::tip() const {
  git_oid oid;
  if (git_reference_name_to_id(&oid, repo_, "HEAD") != 0)
    throw std::runtime_error(path_.string() + ": no commit at HEAD (" + last_error() + ")");
  return hex(&oid);
}

std::string Repository::read_blob(const std::string& oid) const {
  const git_oid id = parse_oid(oid);
  git_blob* blob = nullptr;
  if (git_blob_lookup(&blob, repo_, &id) != 0)
    throw std::runtime_error(path_.string() + ": " + oid + ": " + last_error());
  Blob owned(blob);
  return std::string(static_cast<const char*>(git_blob_rawcontent(blob)),
                     static_cast<std::size_t>(git_blob_rawsize(blob)));
}

fs::path Repository::materialize_blob(const std::string& oid, const fs::path& folder) const {
  const fs::path target = folder / oid.substr(0, 2) / oid;
  std::error_code ec;
  if (fs::exists(target, ec)) return target;
  fs::create_directories(target.parent_path(), ec);
  const fs::path temporary = target.string() + ".tmp." + std::to_string(::getpid());
  const std::string bytes = read_blob(oid);
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) throw std::runtime_error(target.string() + ": cannot write the blob");
  }
  fs::rename(temporary, target);
  return target;
}

std::unordered_set<std::string> Repository::all_blobs() const {
  git_revwalk* walk = nullptr;
  if (git_revwalk_new(&walk, repo_) != 0) throw std::runtime_error(last_error());
  Walk owned(walk);
  git_revwalk_push_head(walk);
  git_revwalk_push_glob(walk, "refs/heads/*");
  std::unordered_set<std::string> blobs, trees;
  std::vector<git_oid> pending;
  git_oid commit;
  while (git_revwalk_next(&commit, walk) == 0) {
    pending.push_back(*git_tree_id(tree_of(repo_, commit).get()));
    while (!pending.empty()) {
      const git_oid id = pending.back();
      pending.pop_back();
      if (!trees.insert(hex(&id)).second) continue;  // a folder seen in another commit
      git_tree* tree = nullptr;
      if (git_tree_lookup(&tree, repo_, &id) != 0) continue;
      Tree owned_tree(tree);
      for (std::size_t i = 0; i < git_tree_entrycount(tree); ++i) {
        const auto* entry = git_tree_entry_byindex(tree, i);
        if (git_tree_entry_type(entry) == GIT_OBJECT_TREE)
          pending.push_back(*git_tree_entry_id(entry));
        else if (git_tree_entry_type(entry) == GIT_OBJECT_BLOB)
          blobs.insert(hex(git_tree_entry_id(entry)));
      }
    }
  }
  return blobs;
}

std::vector<Submission> tip_submissions(const Repository& repo, const std::string& fork,
                                        const fs::path& fork_path, const DiscoveryOptions& options,
                                        const IgnoreRules& ignore, const fs::path& blob_folder) {
  const Tree root = tree_of(repo.get(), parse_oid(repo.tip()));
  std::vector<Submission> out;
  for (const auto& module : module_paths(repo.get(), root.get(), options.module)) {
    const Tree module_tree = subtree(repo.get(), root.get(), module);
    for (const auto& student : subtree_names(module_tree.get())) {
      const std::string folder = module + "/" + student;
      if (ignore.ignored(fork + "/" + folder, true)) continue;
      Submission& submission = out.emplace_back();
      submission.id = fork + "/" + student;
      submission.root = fork_path / folder;
      const Tree tree = subtree(repo.get(), root.get(), folder);
      TreeWalker(repo, submission, options, ignore, fork + "/" + folder, blob_folder).walk(tree.get(), "");
      std::sort(submission.files.begin(), submission.files.end(),
                [](const auto& a, const auto& b) { return a.path < b.path; });
    }
  }
  return out;
}

std::vector<PathVersion> path_history(const Repository& repo, const std::string& path) {
  git_revwalk* walk = nullptr;
  if (git_revwalk_new(&walk, repo.get()) != 0) throw std::runtime_error(last_error());
  Walk owned(walk);
  git_revwalk_sorting(walk, GIT_SORT_TOPOLOGICAL | GIT_SORT_REVERSE);
  if (git_revwalk_push_head(walk) != 0) return {};
  std::vector<PathVersion> commits;
  git_oid id;
  while (git_revwalk_next(&id, walk) == 0) {
    git_commit* commit = nullptr;
    if (git_commit_lookup(&commit, repo.get(), &id) != 0) continue;
    Commit owned_commit(commit);
    git_tree* tree = nullptr;
    if (git_commit_tree(&tree, commit) != 0) continue;
    Tree owned_tree(tree);
    std::string blob;
    git_tree_entry* entry = nullptr;
    if (git_tree_entry_bypath(&entry, tree, path.c_str()) == 0) {
      TreeEntry owned_entry(entry);
      if (git_tree_entry_type(entry) == GIT_OBJECT_BLOB) blob = hex(git_tree_entry_id(entry));
    }
    commits.push_back({hex(&id), git_commit_author(commit)->when.time, std::move(blob)});
  }
  // Author dates say when the work was done; a rebase or cherry-pick keeps them.
  std::stable_sort(commits.begin(), commits.end(),
                   [](const auto& a, const auto& b) { return a.time < b.time; });
  std::vector<PathVersion> versions;
  for (auto& c : commits)
    if (versions.empty() ? !c.blob.empty() : versions.back().blob != c.blob)
      versions.push_back(std::move(c));
  return versions;
}

}  // namespace huella
