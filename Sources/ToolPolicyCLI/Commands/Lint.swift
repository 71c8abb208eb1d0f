import ArgumentParser
extension ToolPolicyCommand { struct Lint: ParsableCommand { func run() throws {} } }
