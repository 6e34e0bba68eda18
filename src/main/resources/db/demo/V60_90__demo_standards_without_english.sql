-- The demo standards' notes are shown to caseworkers in every assessment's reasons: Chinese only (issue 18 item 6).
UPDATE dibao_standard SET source_note = REPLACE(source_note, '示例数值（SAMPLE），', '示例数值，') WHERE created_by = 'demo-seed';
UPDATE tekun_standard SET source_note = REPLACE(source_note, '示例数值（SAMPLE），', '示例数值，') WHERE created_by = 'demo-seed';
UPDATE child_standard SET source_note = REPLACE(source_note, '示例数值（SAMPLE），', '示例数值，') WHERE created_by = 'demo-seed';
