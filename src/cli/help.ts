/** `--help`: Chinese, with an English line under each flag. */
export const HELP = `预算公开文本检查 disclosure-check — 检查预算重点领域财政项目文本公开工作簿

用法 Usage:
  disclosure-check <文件.xlsx|目录|->... [选项]

  检查一个或多个 .xlsx/.xlsm/.xls 工作簿；目录会递归查找其中的 .xlsx/.xlsm/.xls 文件；“-”从标准输入读取工作簿。
  输入文件从不被修改。报告写到标准输出，提示和无法读取的文件写到标准错误。旧版 .xls 只检查，不生成标注副本。
  Checks one or more .xlsx/.xlsm/.xls workbooks; directories are searched recursively; "-" reads a workbook
  from standard input. Inputs are never modified. The report goes to stdout; notes and unreadable files to stderr.
  An old .xls is checked only: no annotated copy is written from it.
  按原文检查已发布的 Word 文档（.docx）或文本文件（.txt），报告按“第N段”/“第N行”定位；不写任何文件。
  Also checks a published Word document (.docx) or text file (.txt) as written, by paragraph/line; writes nothing.

选项 Options:
  --format text|json|csv   报告格式：text（默认，按文件和项目分组）、json、csv（UTF-8 带 BOM）
                           Report format: text (default, grouped by file and project), json, csv (UTF-8 with BOM)
  --out FILE               写入标注副本（问题单元格高亮并加批注，另加“检查结果”工作表）；只用于一个输入文件；已有的同名文件会被替换
                           Write an annotated copy (flagged cells highlighted with notes, plus a 检查结果 sheet); one input only; an existing file of that name is replaced
  --out-dir DIR            每个输入文件写一个标注副本到该目录（<名称>.标注.xlsx，与网页版相同）
                           Write an annotated copy of each input into DIR (named <name>.标注.xlsx, as the page does)
  --fix                    在标注副本中应用可自动修正的问题（如按学校名册填入学校代码）；不加 --out 时不写任何文件
                           Apply the fixable findings (e.g. school codes from the registry) to the annotated copy
  --registry FILE          另一个工作簿中的学校名册（学校代码、学校名称）
                           A second workbook holding the school registry (code and name columns)
  --config FILE            JSON 配置文件：关闭规则、改变级别、设置省份代码等
                           JSON configuration: turn rules off, change severities, set the province code...
  --lang zh|en             报告语言（默认 zh）
                           Report language (default zh)
  --jobs N                 并行检查的文件数（默认为 CPU 核数）
                           Number of files checked in parallel (default: the number of CPU cores)
  --export-docx FILE       导出 Word 公开文本；仍有错误时拒绝导出，除非加 --force；只用于一个输入文件；已有的同名文件会被替换
                           Export the published Word document; refused while errors remain unless --force; an existing file is replaced
  --docx-template FILE     与 --export-docx 一起使用：按单位自己的 Word 模板（.docx/.dotx）导出：用它的页面设置、样式、页眉页脚
                           With --export-docx: use the bureau's own Word template (page set-up, styles, header and footer)
  --school-table-from LIST 从名单（工作表名或“工作表!A1:D40”：校名、数量、金额）生成标准学校明细表，写入副本的新工作表“学校明细表”；需要 --out 或 --out-dir
                           Make the standard school table from a plain list (SHEET or SHEET!A1:D40) on a new sheet of the copy; needs --out or --out-dir
  --school-table-to SHEET  与 --school-table-from 一起使用：学校明细表不另建工作表，写在该工作表（项目表）已有内容下方隔一行处；不覆盖任何已有内容
                           With --school-table-from: write the table into SHEET (a project's sheet), one empty row below its last used row, not on a new sheet; nothing is overwritten
  --new-project-sheet      在副本中新建下一个项目的工作表（项目N 和八个部分的标题，按本工作簿现有项目的写法）；需要 --out 或 --out-dir
                           Add the next project's sheet to the copy (项目N and the eight headings, written as this workbook's projects are); needs --out or --out-dir
  --force                  与 --export-docx 一起使用：有错误也导出
                           With --export-docx: export even though errors remain
  --debug                  出错时显示技术细节（堆栈）
                           Show technical details (stack traces) on failures
  --help, -h               显示本帮助
                           Show this help

退出码 Exit codes:
  0  没有错误（已说明的问题不计）      no errors (explained findings do not count)
  1  发现错误                          errors found
  2  用法错误或输入无法读取            usage error or unreadable input

示例 Examples:
  disclosure-check 江川区2023.xlsx
  disclosure-check 报送材料/ --format csv > 检查结果.csv
  disclosure-check - --format json < 江川区2023.xlsx
  disclosure-check 江川区2023.xlsx --out 江川区2023-已检查.xlsx --fix --registry 学校名册.xlsx
  disclosure-check 江川区2023.xlsx --school-table-from '保安名单!A1:C30' --out 江川区2023-学校表.xlsx
  disclosure-check 江川区2023.xlsx --school-table-from 保安名单 --school-table-to 项目十六 --out 江川区2023-学校表.xlsx
  disclosure-check 江川区2023.xlsx --new-project-sheet --out 江川区2023-新项目.xlsx
`;
