#!/usr/bin/env python3
"""Writes every bundle's .settings (JDT core formatter/compiler, JDT UI save actions, resources encoding)
from releng/formatter/scriptorium-formatter.xml, so the IDE formats as ./mvnw -Pformat does."""
import pathlib, xml.etree.ElementTree as ET

root = pathlib.Path(__file__).resolve().parents[2]
profile = ET.parse(root / "releng/formatter/scriptorium-formatter.xml").getroot().find("profile")
formatter = {s.get("id"): s.get("value") for s in profile.findall("setting")}
core = {"eclipse.preferences.version": "1",
        "org.eclipse.jdt.core.compiler.codegen.targetPlatform": "21",
        "org.eclipse.jdt.core.compiler.compliance": "21",
        "org.eclipse.jdt.core.compiler.source": "21",
        "org.eclipse.jdt.core.compiler.release": "enabled",
        "org.eclipse.jdt.core.javaFormatter": "org.eclipse.jdt.core.defaultJavaFormatter"}
core.update(formatter)
ui = {"eclipse.preferences.version": "1",
      "formatter_profile": "_Scriptorium", "formatter_settings_version": "23",
      "editor_save_participant_org.eclipse.jdt.ui.postsavelistener.cleanup": "true",
      "sp_cleanup.on_save_use_additional_actions": "true",
      "sp_cleanup.format_source_code": "false",
      "sp_cleanup.format_source_code_changes_only": "true",
      "sp_cleanup.organize_imports": "true",
      "sp_cleanup.remove_unused_imports": "true",
      "sp_cleanup.remove_trailing_whitespaces": "true",
      "sp_cleanup.remove_trailing_whitespaces_all": "true",
      "sp_cleanup.add_missing_override_annotations": "true",
      "sp_cleanup.add_missing_override_annotations_interface_methods": "true",
      "org.eclipse.jdt.ui.importorder": "java;javax;org;com;",
      "org.eclipse.jdt.ui.ondemandthreshold": "99",
      "org.eclipse.jdt.ui.staticondemandthreshold": "99"}
res = {"eclipse.preferences.version": "1", "encoding/<project>": "UTF-8"}

def write(path, values):
    path.write_text("".join(f"{k}={v}\n" for k, v in sorted(values.items())))

for bundle in sorted((root / "bundles").iterdir()):
    if (bundle / "META-INF/MANIFEST.MF").exists():
        s = bundle / ".settings"
        s.mkdir(exist_ok=True)
        write(s / "org.eclipse.jdt.core.prefs", core)
        write(s / "org.eclipse.jdt.ui.prefs", ui)
        write(s / "org.eclipse.core.resources.prefs", res)
