// Real-shaped replies per tool-call dialect (the shapes documented by vLLM's and SGLang's tool
// parsers, llama.cpp's chat parsers and the models' chat templates), each with the calls it must
// yield; and replies that must yield no call at all.

export type Want = Array<[string, Record<string, unknown>]>;
export interface Sample {
  dialect: string;
  note: string;
  text: string;
  want: Want;
}

const READ: Want = [['read_file', { path: 'src/app.py' }]];
const EDIT = { path: 'src/app.py', old_string: 'a - b', new_string: 'a + b' };

export const SAMPLES: Sample[] = [
  { dialect: 'hermes', note: 'Qwen2.5 JSON body', text: '<tool_call>\n{"name": "read_file", "arguments": {"path": "src/app.py"}}\n</tool_call>', want: READ },
  { dialect: 'hermes', note: 'Python-dict body, single quotes', text: "<tool_call>\n{'name': 'edit_file', 'arguments': {'path': 'src/app.py', 'old_string': 'a - b', 'new_string': 'a + b'}}\n</tool_call>", want: [['edit_file', EDIT]] },
  { dialect: 'hermes', note: 'two calls, prose and <|im_end|>', text: "I'll look first.\n\n<tool_call>\n{\"name\": \"list_files\", \"arguments\": {}}\n</tool_call>\n<tool_call>\n{\"name\": \"run_tests\", \"arguments\": {}}\n</tool_call><|im_end|>", want: [['list_files', {}], ['run_tests', {}]] },
  { dialect: 'hermes', note: 'Qwen3 think block before the call', text: '<think>\nI should read it first, then <tool_call> the tests.\n</think>\n\n<tool_call>\n{"name": "read_file", "arguments": {"path": "src/app.py"}}\n</tool_call>', want: READ },
  { dialect: 'hermes', note: 'MiniMax-M1 <tool_calls> JSON lines', text: '<tool_calls>\n{"name": "read_file", "arguments": {"path": "src/app.py"}}\n{"name": "run_tests", "arguments": {}}\n</tool_calls>', want: [...READ, ['run_tests', {}]] },
  { dialect: 'qwen3-coder', note: 'XML parameters with template newlines', text: '<tool_call>\n<function=edit_file>\n<parameter=path>\nsrc/app.py\n</parameter>\n<parameter=old_string>\n    return a - b\n</parameter>\n<parameter=new_string>\n    return a + b\n</parameter>\n</function>\n</tool_call>', want: [['edit_file', { path: 'src/app.py', old_string: '    return a - b', new_string: '    return a + b' }]] },
  { dialect: 'qwen3-coder', note: 'multi-line file content keeps its last newline', text: '<tool_call>\n<function=write_file>\n<parameter=path>\nsrc/app.py\n</parameter>\n<parameter=content>\ndef add(a, b):\n    return a + b\n\n</parameter>\n</function>\n</tool_call>', want: [['write_file', { path: 'src/app.py', content: 'def add(a, b):\n    return a + b\n' }]] },
  { dialect: 'qwen3-coder', note: 'JSON body, and a call without parameters', text: '<tool_call>\n<function=read_file>\n{"path": "src/app.py"}\n</function>\n</tool_call>\n<tool_call>\n<function=run_tests>\n</function>\n</tool_call>', want: [...READ, ['run_tests', {}]] },
  { dialect: 'glm', note: 'GLM-4.5 with newlines', text: 'Let me read the file.\n<tool_call>read_file\n<arg_key>path</arg_key>\n<arg_value>src/app.py</arg_value>\n</tool_call>', want: READ },
  { dialect: 'glm', note: 'GLM-4.7 without newlines, three arguments', text: '<tool_call>edit_file<arg_key>path</arg_key><arg_value>src/app.py</arg_value><arg_key>old_string</arg_key><arg_value>a - b</arg_value><arg_key>new_string</arg_key><arg_value>a + b</arg_value></tool_call>', want: [['edit_file', EDIT]] },
  { dialect: 'glm', note: 'no arguments', text: '<tool_call>run_tests</tool_call>', want: [['run_tests', {}]] },
  { dialect: 'minimax', note: 'MiniMax-M2 one invoke', text: '<minimax:tool_call>\n<invoke name="read_file">\n<parameter name="path">src/app.py</parameter>\n</invoke>\n</minimax:tool_call>', want: READ },
  { dialect: 'minimax', note: 'two invokes', text: 'Checking.\n<minimax:tool_call>\n<invoke name="bash">\n<parameter name="command">python3 -m pytest -q</parameter>\n</invoke>\n<invoke name="run_tests">\n</invoke>\n</minimax:tool_call>', want: [['bash', { command: 'python3 -m pytest -q' }], ['run_tests', {}]] },
  { dialect: 'llama3-json', note: 'bare JSON with "parameters"', text: '{"name": "read_file", "parameters": {"path": "src/app.py"}}', want: READ },
  { dialect: 'llama3-json', note: '<|python_tag|>, two calls separated by ;', text: '<|python_tag|>{"name": "list_files", "parameters": {}}; {"name": "run_tests", "parameters": {}}<|eom_id|>', want: [['list_files', {}], ['run_tests', {}]] },
  { dialect: 'llama3-json', note: 'type field and <|eot_id|>', text: '{"type": "function", "name": "bash", "parameters": {"command": "ls -la"}}<|eot_id|>', want: [['bash', { command: 'ls -la' }]] },
  { dialect: 'llama3-function', note: '<function=name>{json}</function>', text: '<function=read_file>{"path": "src/app.py"}</function>', want: READ },
  { dialect: 'llama3-function', note: 'with <|eom_id|>', text: '<function=write_file>{"path": "NOTES.md", "content": "# notes\\n"}</function><|eom_id|>', want: [['write_file', { path: 'NOTES.md', content: '# notes\n' }]] },
  { dialect: 'pythonic', note: 'Llama 3.2 list of two calls', text: '[read_file(path="src/app.py"), run_tests()]', want: [...READ, ['run_tests', {}]] },
  { dialect: 'pythonic', note: 'single quotes, keyword arguments', text: "[edit_file(path='src/app.py', old_string='a - b', new_string='a + b')]", want: [['edit_file', EDIT]] },
  { dialect: 'llama4-pythonic', note: '<|python_start|> list', text: '<|python_start|>[read_file(path="src/app.py")]<|python_end|>', want: READ },
  { dialect: 'llama4-pythonic', note: 'two calls and <|eot|>', text: '<|python_start|>[list_files(path="src"), bash(command="python3 -m pytest -q")]<|python_end|><|eot|>', want: [['list_files', { path: 'src' }], ['bash', { command: 'python3 -m pytest -q' }]] },
  { dialect: 'lfm2', note: 'LFM2 tokens, text after', text: '<|tool_call_start|>[read_file(path="src/app.py")]<|tool_call_end|>I will read the file first.', want: READ },
  { dialect: 'lfm2', note: 'escaped newline in a string', text: '<|tool_call_start|>[write_file(path="a.py", content="x = 1\\n")]<|tool_call_end|>', want: [['write_file', { path: 'a.py', content: 'x = 1\n' }]] },
  { dialect: 'mistral', note: '[TOOL_CALLS] list form', text: '[TOOL_CALLS][{"name": "read_file", "arguments": {"path": "src/app.py"}}]', want: READ },
  { dialect: 'mistral', note: '[TOOL_CALLS]name[ARGS] form, two calls', text: '[TOOL_CALLS]read_file[ARGS]{"path": "src/app.py"}[TOOL_CALLS]run_tests[ARGS]{}', want: [...READ, ['run_tests', {}]] },
  { dialect: 'mistral', note: '[CALL_ID] before [ARGS]', text: '[TOOL_CALLS]bash[CALL_ID]a1b2c3d4e[ARGS]{"command": "ls"}</s>', want: [['bash', { command: 'ls' }]] },
  { dialect: 'mistral', note: 'control tokens dropped by the server', text: 'read_file{"path": "src/app.py"}', want: READ },
  { dialect: 'deepseek-v3', note: 'V3 / R1 function<sep>name + json fence', text: '<｜tool▁calls▁begin｜><｜tool▁call▁begin｜>function<｜tool▁sep｜>read_file\n```json\n{"path": "src/app.py"}\n```<｜tool▁call▁end｜><｜tool▁calls▁end｜>', want: READ },
  { dialect: 'deepseek-v3', note: 'two calls and end of sentence', text: 'Let me look.<｜tool▁calls▁begin｜><｜tool▁call▁begin｜>function<｜tool▁sep｜>list_files\n```json\n{}\n```<｜tool▁call▁end｜>\n<｜tool▁call▁begin｜>function<｜tool▁sep｜>run_tests\n```json\n{}\n```<｜tool▁call▁end｜><｜tool▁calls▁end｜><｜end▁of▁sentence｜>', want: [['list_files', {}], ['run_tests', {}]] },
  { dialect: 'deepseek-v3.1', note: 'V3.1 name<sep>{json}', text: '<｜tool▁calls▁begin｜><｜tool▁call▁begin｜>read_file<｜tool▁sep｜>{"path": "src/app.py"}<｜tool▁call▁end｜><｜tool▁calls▁end｜>', want: READ },
  { dialect: 'deepseek-v3.1', note: 'ASCII look-alike tokens', text: '<|tool_calls_begin|><|tool_call_begin|>edit_file<|tool_sep|>{"path": "src/app.py", "old_string": "a - b", "new_string": "a + b"}<|tool_call_end|><|tool_calls_end|>', want: [['edit_file', EDIT]] },
  { dialect: 'deepseek-dsml', note: 'V3.2 DSML', text: '<｜DSML｜function_calls>\n<｜DSML｜invoke name="read_file">\n<｜DSML｜parameter name="path" string="true">src/app.py</｜DSML｜parameter>\n</｜DSML｜invoke>\n</｜DSML｜function_calls>', want: READ },
  { dialect: 'deepseek-dsml', note: 'two invokes', text: 'Running.\n\n<｜DSML｜function_calls>\n<｜DSML｜invoke name="bash">\n<｜DSML｜parameter name="command" string="true">ls src</｜DSML｜parameter>\n</｜DSML｜invoke>\n<｜DSML｜invoke name="run_tests">\n</｜DSML｜invoke>\n</｜DSML｜function_calls>', want: [['bash', { command: 'ls src' }], ['run_tests', {}]] },
  { dialect: 'kimi-k2', note: 'token form', text: '<|tool_calls_section_begin|><|tool_call_begin|>functions.read_file:0<|tool_call_argument_begin|>{"path": "src/app.py"}<|tool_call_end|><|tool_calls_section_end|>', want: READ },
  { dialect: 'kimi-k2', note: 'tokens dropped, two calls', text: 'functions.list_files:0{"path": "src"}functions.run_tests:1{}', want: [['list_files', { path: 'src' }], ['run_tests', {}]] },
  { dialect: 'gpt-oss-harmony', note: 'analysis then a commentary call', text: '<|channel|>analysis<|message|>Need to read the file.<|end|><|start|>assistant<|channel|>commentary to=functions.read_file <|constrain|>json<|message|>{"path":"src/app.py"}<|call|>', want: READ },
  { dialect: 'gpt-oss-harmony', note: 'recipient before the channel', text: '<|start|>assistant to=functions.bash<|channel|>commentary json<|message|>{"command": "ls"}<|call|>', want: [['bash', { command: 'ls' }]] },
  { dialect: 'gpt-oss-harmony', note: 'special tokens dropped', text: 'analysisNeed to read it.assistantcommentary to=functions.read_file json{"path":"src/app.py"}', want: READ },
  { dialect: 'granite', note: 'Granite 3 <|tool_call|> list', text: '<|tool_call|>[{"name": "read_file", "arguments": {"path": "src/app.py"}}]', want: READ },
  { dialect: 'granite', note: 'two calls', text: '<|tool_call|>[{"name": "list_files", "arguments": {}}, {"name": "run_tests", "arguments": {}}]', want: [['list_files', {}], ['run_tests', {}]] },
  { dialect: 'functiongemma', note: 'one call', text: '<start_function_call>call:read_file{path:<escape>src/app.py<escape>}<end_function_call>', want: READ },
  { dialect: 'functiongemma', note: 'parallel calls', text: '<start_function_call>call:edit_file{new_string:<escape>a + b<escape>,old_string:<escape>a - b<escape>,path:<escape>src/app.py<escape>}<end_function_call><start_function_call>call:run_tests{}<end_function_call>', want: [['edit_file', { new_string: 'a + b', old_string: 'a - b', path: 'src/app.py' }], ['run_tests', {}]] },
  { dialect: 'gemma-tool-code', note: 'Gemma 3 print(default_api.…)', text: '```tool_code\nprint(default_api.read_file(path="src/app.py"))\n```', want: READ },
  { dialect: 'gemma-tool-code', note: 'two bare calls', text: "I'll check.\n```tool_code\nread_file(path='src/app.py')\nrun_tests()\n```", want: [...READ, ['run_tests', {}]] },
  { dialect: 'markdown-json', note: '"tool" and "args" keys', text: 'Next:\n```json\n{"tool": "read_file", "args": {"path": "src/app.py"}}\n```', want: READ },
  { dialect: 'markdown-json', note: "today's fenced name/arguments", text: 'I will write it:\n```json\n{"name": "write_file", "arguments": {"path": "x.py", "content": "print(1)\\n"}}\n```\n', want: [['write_file', { path: 'x.py', content: 'print(1)\n' }]] },
  { dialect: 'markdown-tool-calls', note: 'name: {json} lines', text: '```tool_calls\nread_file: {"path": "src/app.py"}\nrun_tests: {}\n```', want: [...READ, ['run_tests', {}]] },
  { dialect: 'markdown-tool-calls', note: 'a list item', text: 'Plan:\n```tool_calls\n- bash: {"command": "ls"}\n```', want: [['bash', { command: 'ls' }]] },
  { dialect: 'internlm', note: 'InternLM2 plugin call', text: '<|action_start|><|plugin|>\n{"name": "read_file", "parameters": {"path": "src/app.py"}}<|action_end|>', want: READ },
  { dialect: 'internlm', note: 'no parameters, then <|im_end|>', text: 'Running the tests.<|action_start|><|plugin|>\n{"name": "run_tests", "parameters": {}}<|action_end|><|im_end|>', want: [['run_tests', {}]] },
  { dialect: 'functionary', note: 'Functionary v3.2, one call', text: '>>>read_file\n{"path": "src/app.py"}', want: READ },
  { dialect: 'functionary', note: 'talk first, then two calls', text: '>>>all\nLet me look.>>>list_files\n{"path": "src"}>>>run_tests\n{}', want: [['list_files', { path: 'src' }], ['run_tests', {}]] },
  // Variants from neighbouring families and servers that drop special tokens.
  { dialect: 'hermes', note: 'raw newlines inside a JSON string (file content)', text: '<tool_call>\n{"name": "write_file", "arguments": {"path": "src/app.py", "content": "def add(a, b):\n\treturn a + b\n"}}\n</tool_call>', want: [['write_file', { path: 'src/app.py', content: 'def add(a, b):\n\treturn a + b\n' }]] },
  { dialect: 'hermes', note: "Nemotron's <TOOLCALL> list", text: '<TOOLCALL>[{"name": "read_file", "arguments": {"path": "src/app.py"}}]</TOOLCALL>', want: READ },
  { dialect: 'qwen3-coder', note: "Seed-OSS's <seed:tool_call>, values without newlines", text: '<seed:tool_call>\n<function=read_file>\n<parameter=path>src/app.py</parameter>\n</function>\n</seed:tool_call>', want: READ },
  { dialect: 'glm', note: '<tool_call> tokens dropped by the server', text: 'read_file\n<arg_key>path</arg_key>\n<arg_value>src/app.py</arg_value>\n', want: READ },
  { dialect: 'granite', note: "Phi-4-mini's <|tool_call|> with a function wrapper and a closing token", text: '<|tool_call|>[{"type": "function", "function": {"name": "read_file", "arguments": {"path": "src/app.py"}}}]<|/tool_call|>', want: READ },
  { dialect: 'llama3-json', note: 'xLAM bare list of calls', text: '[{"name": "read_file", "arguments": {"path": "src/app.py"}}, {"name": "run_tests", "arguments": {}}]', want: [...READ, ['run_tests', {}]] },
  { dialect: 'markdown-json', note: 'Command R "Action:" fence with tool_name/parameters', text: 'Action: ```json\n[{"tool_name": "read_file", "parameters": {"path": "src/app.py"}}]\n```', want: READ },
  { dialect: 'markdown-json', note: 'a {"tool_calls": [...]} object in a ```JSON fence', text: '```JSON\n{"tool_calls": [{"name": "run_tests", "arguments": {}}]}\n```', want: [['run_tests', {}]] },
  { dialect: 'deepseek-v3', note: 'special tokens dropped by the server', text: 'functionlist_files\n```json\n{"path": "src"}\n```functionrun_tests\n```json\n{}\n```', want: [['list_files', { path: 'src' }], ['run_tests', {}]] },
  { dialect: 'qwen3-coder', note: '<tool_call> dropped, a call without parameters', text: '<function=run_tests>\n</function>', want: [['run_tests', {}]] },
  { dialect: 'functiongemma', note: '<escape> and call tokens dropped', text: 'call:read_file{path:src/app.py}', want: READ },
];

/** Replies that hold no call: answers with a "name", cut-off calls, prose, tools we never offered. */
export const NOT_CALLS: Array<{ note: string; text: string }> = [
  { note: 'a JSON answer with a name field', text: '{"name": "Alice", "age": 30}' },
  { note: 'a JSON answer naming a tool, with other keys', text: '{"name": "run_tests", "status": "passed", "failures": 0}' },
  { note: 'a fenced package.json', text: 'Here it is:\n```json\n{\n  "name": "my-app",\n  "version": "1.0.0",\n  "scripts": {"test": "node --test"}\n}\n```' },
  { note: 'a JSON list of records', text: '[{"name": "bash"}, {"name": "zsh"}]' },
  { note: 'hermes cut off mid-arguments', text: '<tool_call>\n{"name": "write_file", "arguments": {"path": "a.py", "content": "def f(' },
  { note: 'qwen3-coder cut off mid-parameter', text: '<tool_call>\n<function=write_file>\n<parameter=path>\na.py\n</parameter>\n<parameter=content>\ndef f(' },
  { note: 'glm cut off', text: '<tool_call>write_file\n<arg_key>path</arg_key>\n<arg_value>a.py</arg_value>\n<arg_key>content</arg_key>\n<arg_value>def f(' },
  { note: 'minimax cut off', text: '<minimax:tool_call>\n<invoke name="write_file">\n<parameter name="path">a.py</parameter>\n<parameter name="content">def f(' },
  { note: 'pythonic cut off', text: '[write_file(path="a.py", content="def f(' },
  { note: 'mistral cut off', text: '[TOOL_CALLS]write_file[ARGS]{"path": "a.py", "content": "def f(' },
  { note: 'prose that mentions calls', text: 'I ran run_tests() and all 4 tests pass. You could call read_file(path="README.md") to see the notes.' },
  { note: 'the format explained, not used', text: 'To call a tool write <tool_call>{"name": ..., "arguments": {...}}</tool_call>.' },
  { note: 'a draft inside a think block only', text: '<think>I could call <tool_call>{"name": "run_tests", "arguments": {}}</tool_call> again.</think>All tests already pass.' },
  { note: 'a think block that never closed (cut off while reasoning)', text: '<think>\nFirst I will call <tool_call>{"name": "run_tests", "arguments": {}}</tool_call> and then' },
  { note: 'tools never offered', text: '<tool_call>{"name": "delete_repo", "arguments": {}}</tool_call>\n[TOOL_CALLS]rm_rf[ARGS]{}' },
  { note: 'a python fence', text: '```python\nread_file(path="a.py")\n```' },
  { note: 'a plain summary', text: 'Fixed add(): it subtracted. Tests pass.' },
];
